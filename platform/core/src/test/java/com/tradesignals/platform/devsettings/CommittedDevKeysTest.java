package com.tradesignals.platform.devsettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed dev keys are recognised by their material, wherever and however they are configured. */
class CommittedDevKeysTest {

    private static final Path DEV_KEYS = Path.of("..", "..", "dev", "keys");

    @TempDir
    Path directory;

    @Test
    void theFingerprintsAreThoseOfTheFilesInDevKeys() throws Exception {
        assertThat(CommittedDevKeys.rsaModulusFingerprints(read("dev-only-jwt-public.pem")))
                .containsExactly(CommittedDevKeys.DEV_JWT_KEY_FINGERPRINT);
        assertThat(CommittedDevKeys.sha256(HexFormat.of().parseHex(read("dev-only-device-master-key.hex").strip())))
                .isEqualTo(CommittedDevKeys.DEV_DEVICE_MASTER_KEY_FINGERPRINT);
        assertThat(CommittedDevKeys.sha256(HexFormat.of().parseHex(read("dev-only-payout-method-key.hex").strip())))
                .isEqualTo(CommittedDevKeys.DEV_PAYOUT_METHOD_KEY_FINGERPRINT);
    }

    @Test
    void theDevJwtKeyIsFoundUnderAnotherFileName() throws Exception {
        Path copy = Files.writeString(directory.resolve("identity-public.pem"), read("dev-only-jwt-public.pem"));

        assertThat(CommittedDevKeys.foundIn(config(Map.of(CommittedDevKeys.JWT_KEY_LOCATION, copy.toString()))))
                .singleElement().asString()
                .startsWith("mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION) uses the committed "
                        + "dev-only key dev/keys/dev-only-jwt-public.pem");
        assertThat(CommittedDevKeys.foundIn(config(Map.of(CommittedDevKeys.JWT_KEY_LOCATION, "file:" + copy))))
                .hasSize(1);
    }

    @Test
    void theDevJwtKeyIsFoundInlineAndAsAJwk() throws Exception {
        assertThat(CommittedDevKeys.foundIn(config(Map.of(CommittedDevKeys.JWT_KEY, read("dev-only-jwt-public.pem")))))
                .singleElement().asString().startsWith("mp.jwt.verify.publickey (MP_JWT_VERIFY_PUBLICKEY)");
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(unsigned(devJwtKey().getModulus())) + "\"}]}";
        assertThat(CommittedDevKeys.foundIn(config(Map.of(CommittedDevKeys.JWT_KEY, jwks)))).hasSize(1);
    }

    @Test
    void anotherJwtKeyAndARemoteLocationAreNotReported() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                generator.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        Path other = Files.writeString(directory.resolve("public.pem"), pem);

        assertThat(CommittedDevKeys.foundIn(config(Map.of(CommittedDevKeys.JWT_KEY_LOCATION, other.toString())))).isEmpty();
        assertThat(CommittedDevKeys.foundIn(config(Map.of(CommittedDevKeys.JWT_KEY_LOCATION,
                "https://identity.example/keys.pem")))).isEmpty();
        assertThat(CommittedDevKeys.foundIn(config(Map.of(CommittedDevKeys.JWT_KEY_LOCATION,
                directory.resolve("missing.pem").toString())))).isEmpty();
    }

    @Test
    void theDevDeviceMasterKeyIsFoundWhateverItsCase() throws Exception {
        String devKey = read("dev-only-device-master-key.hex").strip();

        assertThat(CommittedDevKeys.foundIn(config(Map.of(CommittedDevKeys.DEVICE_MASTER_KEY, devKey.toUpperCase()))))
                .singleElement().asString().startsWith("device-auth.master-key (DEVICE_AUTH_MASTER_KEY) uses the "
                        + "committed dev-only key dev/keys/dev-only-device-master-key.hex");
        assertThat(CommittedDevKeys.foundIn(config(Map.of(CommittedDevKeys.DEVICE_MASTER_KEY, "ab".repeat(32)))))
                .isEmpty();
    }

    @Test
    void theDevPayoutMethodKeyIsFoundInHexOrBase64() throws Exception {
        byte[] devKey = HexFormat.of().parseHex(read("dev-only-payout-method-key.hex").strip());

        assertThat(CommittedDevKeys.foundIn(config(Map.of(CommittedDevKeys.PAYOUT_METHOD_KEY,
                Base64.getEncoder().encodeToString(devKey))))).singleElement().asString()
                .startsWith("affiliates.payout-methods.encryption-key (AFFILIATES_PAYOUT_METHODS_ENCRYPTION_KEY)");
        assertThat(CommittedDevKeys.foundIn(config(Map.of(CommittedDevKeys.PAYOUT_METHOD_KEY,
                HexFormat.of().formatHex(devKey))))).hasSize(1);
        assertThat(CommittedDevKeys.foundIn(config(Map.of(CommittedDevKeys.PAYOUT_METHOD_KEY, "cd".repeat(32)))))
                .isEmpty();
    }

    @Test
    void everyDevKeyAtOnceIsOneProblemEach() throws Exception {
        assertThat(CommittedDevKeys.foundIn(config(Map.of(
                CommittedDevKeys.JWT_KEY_LOCATION, DEV_KEYS.resolve("dev-only-jwt-public.pem").toString(),
                CommittedDevKeys.DEVICE_MASTER_KEY, read("dev-only-device-master-key.hex"),
                CommittedDevKeys.PAYOUT_METHOD_KEY, read("dev-only-payout-method-key.hex"))))).hasSize(3);
        assertThat(CommittedDevKeys.foundIn(config(Map.of()))).isEmpty();
    }

    private static Function<String, Optional<String>> config(Map<String, String> values) {
        return property -> Optional.ofNullable(values.get(property));
    }

    private static String read(String file) throws IOException {
        return Files.readString(DEV_KEYS.resolve(file));
    }

    private static RSAPublicKey devJwtKey() throws Exception {
        String body = read("dev-only-jwt-public.pem").replaceAll("-----[A-Z ]+-----", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
