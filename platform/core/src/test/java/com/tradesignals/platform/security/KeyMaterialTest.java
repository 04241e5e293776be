package com.tradesignals.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    private static final byte[] KEY = HexFormat.of().parseHex("327bb2dcba0510f13ffeedbde9c9b657ac7436d68106938003baaeae4523279d");

    @Test
    void aKeyIsReadFromHexOrBase64() {
        assertThat(KeyMaterial.decode256(HexFormat.of().formatHex(KEY).toUpperCase(), "k")).isEqualTo(KEY);
        assertThat(KeyMaterial.decode256(" " + Base64.getEncoder().encodeToString(KEY) + "\n", "k")).isEqualTo(KEY);
        assertThat(KeyMaterial.decode256(Base64.getUrlEncoder().withoutPadding().encodeToString(KEY), "k")).isEqualTo(KEY);
    }

    @Test
    void theWrongSizeIsNamedWithoutTheKey() {
        assertThatThrownBy(() -> KeyMaterial.decode256("ab".repeat(16), "a.key"))
                .hasMessage("a.key must be 64 hex characters (32 bytes), has 32");
        assertThatThrownBy(() -> KeyMaterial.decode256(Base64.getEncoder().encodeToString(new byte[31]), "a.key"))
                .hasMessage("a.key must be 32 bytes (256 bits), is 31");
        assertThatThrownBy(() -> KeyMaterial.decode256("not a key!", "a.key"))
                .hasMessage("a.key is neither 64 hex characters nor base64");
    }
}
