package com.tradesignals.contracts.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Java implementation against the published test vectors (computed independently, in Python). */
class DeviceRequestSigningTest {

    private static final JsonNode VECTORS = load();

    @Test
    void derivedSecretsMatchTheVectors() {
        for (JsonNode vector : VECTORS.get("key_derivation")) {
            DeviceKeyId keyId = new DeviceKeyId(UUID.fromString(vector.get("device_id").asText()),
                    vector.get("key_version").asInt());
            byte[] secret = DeviceSecrets.derive(HexFormat.of().parseHex(vector.get("master_key_hex").asText()), keyId);
            assertThat(DeviceSecrets.toHex(secret)).isEqualTo(vector.get("secret_hex").asText());
        }
    }

    @Test
    void signaturesMatchTheVectors() {
        for (JsonNode vector : VECTORS.get("requests")) {
            DeviceKeyId keyId = DeviceKeyId.parse(vector.get("kid").asText());
            String body = vector.get("body").asText();
            SignedRequest request = new SignedRequest(vector.get("method").asText(), vector.get("path").asText(),
                    vector.get("raw_query").asText(), DeviceRequestSigning.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));

            assertThat(DeviceRequestSigning.canonicalQuery(request.rawQuery()))
                    .isEqualTo(vector.get("canonical_query").asText());
            assertThat(request.bodySha256()).isEqualTo(vector.get("body_sha256").asText());
            String stringToSign = DeviceRequestSigning.stringToSign(keyId, vector.get("ts").asLong(),
                    vector.get("nonce").asText(), request);
            assertThat(stringToSign).isEqualTo(vector.get("string_to_sign").asText());

            DeviceRequestSigner signer = new DeviceRequestSigner(keyId, vector.get("secret_hex").asText());
            String header = signer.authorization(request.method(), request.path(), request.rawQuery(), body,
                    vector.get("ts").asLong(), vector.get("nonce").asText());
            assertThat(header).isEqualTo(vector.get("authorization").asText());
        }
    }

    @Test
    void aSignatureOnlyVerifiesUnderItsOwnSecretAndString() {
        JsonNode vector = VECTORS.get("requests").get(0);
        byte[] secret = DeviceSecrets.fromHex(vector.get("secret_hex").asText());
        String stringToSign = vector.get("string_to_sign").asText();
        String signature = vector.get("signature").asText();

        assertThat(DeviceRequestSigning.isValidSignature(secret, stringToSign, signature)).isTrue();
        assertThat(DeviceRequestSigning.isValidSignature(secret, stringToSign + "x", signature)).isFalse();
        byte[] otherSecret = secret.clone();
        otherSecret[0] ^= 1;
        assertThat(DeviceRequestSigning.isValidSignature(otherSecret, stringToSign, signature)).isFalse();
    }

    @Test
    void parsesTheAuthorizationHeaderItWrites() {
        JsonNode vector = VECTORS.get("requests").get(1);
        DeviceAuthorization authorization = DeviceAuthorization.parse(vector.get("authorization").asText());

        assertThat(authorization.keyId().toString()).isEqualTo(vector.get("kid").asText());
        assertThat(authorization.timestampMillis()).isEqualTo(vector.get("ts").asLong());
        assertThat(authorization.nonce()).isEqualTo(vector.get("nonce").asText());
        assertThat(authorization.toHeader()).isEqualTo(vector.get("authorization").asText());
    }

    @Test
    void rejectsMalformedAuthorizationHeaders() {
        String kid = UUID.randomUUID() + ".1";
        String sig = "a".repeat(64);
        assertThatThrownBy(() -> DeviceAuthorization.parse("Bearer abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceAuthorization.parse("DHMAC-SHA256 kid=" + kid + ", ts=1, nonce=short, sig=" + sig))
                .hasMessageContaining("nonce");
        assertThatThrownBy(() -> DeviceAuthorization.parse("DHMAC-SHA256 kid=x.1, ts=1, nonce=AAAAAAAAAAAAAAAAAAAA, sig=" + sig))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceAuthorization.parse("DHMAC-SHA256 kid=" + kid + ", ts=now, nonce=AAAAAAAAAAAAAAAAAAAA, sig=" + sig))
                .hasMessageContaining("ts");
        assertThatThrownBy(() -> DeviceAuthorization.parse("DHMAC-SHA256 kid=" + kid + ", ts=1, nonce=AAAAAAAAAAAAAAAAAAAA"))
                .hasMessageContaining("sig");
        assertThatThrownBy(() -> DeviceKeyId.parse(UUID.randomUUID() + ".0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void differentDevicesAndVersionsGetDifferentSecrets() {
        byte[] master = new byte[32];
        UUID device = UUID.randomUUID();
        byte[] first = DeviceSecrets.derive(master, new DeviceKeyId(device, 1));
        byte[] second = DeviceSecrets.derive(master, new DeviceKeyId(device, 2));
        byte[] otherDevice = DeviceSecrets.derive(master, new DeviceKeyId(UUID.randomUUID(), 1));

        assertThat(DeviceSecrets.fingerprint(first)).isNotEqualTo(DeviceSecrets.fingerprint(second))
                .isNotEqualTo(DeviceSecrets.fingerprint(otherDevice));
        assertThatThrownBy(() -> DeviceSecrets.derive(new byte[16], new DeviceKeyId(device, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode load() {
        try (InputStream in = DeviceRequestSigningTest.class.getResourceAsStream("/dhmac-sha256-v1-vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
