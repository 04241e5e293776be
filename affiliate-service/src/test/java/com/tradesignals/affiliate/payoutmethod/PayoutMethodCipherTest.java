package com.tradesignals.affiliate.payoutmethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** AES-256-GCM of payout methods, without a running service. */
class PayoutMethodCipherTest {

    private static final String KEY = "11".repeat(32);
    private static final String OTHER_KEY = "22".repeat(32);
    private static final PayoutMethodDetails BANK = new PayoutMethodDetails.BankTransfer("DE89370400440532013000",
            "COBADEFFXXX", "Ada Lovelace");

    private final ObjectMapper json = new ObjectMapper();
    private final UUID owner = UUID.randomUUID();

    @Test
    void whatIsSealedOpensForItsOwnerAndHoldsNoPlaintext() {
        PayoutMethodCipher cipher = cipher("k1", KEY, List.of());

        SealedPayoutMethod sealed = cipher.seal(owner, BANK);

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.kind()).isEqualTo(PayoutMethodKind.BANK_TRANSFER);
        assertThat(sealed.masked()).isEqualTo("DE****3000");
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("DE8937", "Lovelace");
        assertThat(cipher.open(owner, sealed)).isEqualTo(BANK);
    }

    @Test
    void everyWriteHasAFreshNonce() {
        PayoutMethodCipher cipher = cipher("k1", KEY, List.of());

        SealedPayoutMethod first = cipher.seal(owner, BANK);
        SealedPayoutMethod second = cipher.seal(owner, BANK);

        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void aMethodCopiedToAnotherAffiliateOrTamperedWithDoesNotOpen() {
        PayoutMethodCipher cipher = cipher("k1", KEY, List.of());
        SealedPayoutMethod sealed = cipher.seal(owner, BANK);
        byte[] tampered = Arrays.copyOf(sealed.ciphertext(), sealed.ciphertext().length);
        tampered[0] ^= 1;

        assertThatThrownBy(() -> cipher.open(UUID.randomUUID(), sealed))
                .isInstanceOf(PayoutMethodCipher.PayoutMethodUnreadable.class)
                .hasMessageNotContaining("DE89");
        assertThatThrownBy(() -> cipher.open(owner, new SealedPayoutMethod(sealed.kind(), sealed.masked(),
                sealed.keyId(), sealed.nonce(), tampered))).isInstanceOf(PayoutMethodCipher.PayoutMethodUnreadable.class);
        assertThatThrownBy(() -> cipher.open(owner, new SealedPayoutMethod(PayoutMethodKind.PAYPAL, sealed.masked(),
                sealed.keyId(), sealed.nonce(), sealed.ciphertext())))
                .isInstanceOf(PayoutMethodCipher.PayoutMethodUnreadable.class);
    }

    @Test
    void afterARotationWhatTheOldKeyWroteStillOpens() {
        SealedPayoutMethod old = cipher("k1", KEY, List.of()).seal(owner, BANK);
        PayoutMethodCipher rotated = cipher("k2", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(OTHER_KEY)),
                List.of("k0:" + "33".repeat(32), "k1:" + KEY));

        assertThat(rotated.open(owner, old)).isEqualTo(BANK);
        assertThat(rotated.seal(owner, BANK).keyId()).isEqualTo("k2");
        assertThatThrownBy(() -> cipher("k2", OTHER_KEY, List.of()).open(owner, old))
                .isInstanceOf(PayoutMethodCipher.PayoutMethodUnreadable.class)
                .hasMessageContaining("add it to affiliates.payout-methods.previous-keys as k1:<key>");
    }

    @Test
    void aBadKeyStopsTheServiceWithoutShowingTheKey() {
        assertThatThrownBy(() -> cipher("k1", "00".repeat(16), List.of()))
                .hasMessage("affiliates.payout-methods.encryption-key must be 64 hex characters (32 bytes), has 32");
        assertThatThrownBy(() -> cipher("k1", Base64.getEncoder().encodeToString(new byte[16]), List.of()))
                .hasMessage("affiliates.payout-methods.encryption-key must be 32 bytes (256 bits), is 16");
        assertThatThrownBy(() -> cipher("k1", "not a key!", List.of()))
                .hasMessage("affiliates.payout-methods.encryption-key is neither 64 hex characters nor base64");
        assertThatThrownBy(() -> cipher("k1", KEY, List.of("k1:" + OTHER_KEY)))
                .hasMessageContaining("is also a previous key's id");
        assertThatThrownBy(() -> cipher("k2", KEY, List.of(OTHER_KEY)))
                .hasMessageContaining("previous-keys holds an entry that is not <key id>:<key>")
                .hasMessageNotContaining(OTHER_KEY);
        assertThatThrownBy(() -> cipher("key id with spaces", KEY, List.of()))
                .hasMessageContaining("key id must be 1 to 32 of");
    }

    private PayoutMethodCipher cipher(String keyId, String key, List<String> previous) {
        return new PayoutMethodCipher(new PayoutMethodConfig() {
            @Override
            public String encryptionKey() {
                return key;
            }

            @Override
            public String encryptionKeyId() {
                return keyId;
            }

            @Override
            public Optional<List<String>> previousKeys() {
                return Optional.of(previous);
            }
        }, json);
    }
}
