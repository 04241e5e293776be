package com.tradesignals.platform.devsettings;

import com.tradesignals.platform.security.KeyMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the keys committed under dev/keys in a service's configuration. It compares key material, not paths or
 * spellings: a copy of the dev JWT key under another name, or the dev master key in upper case, is still found.
 * Only SHA-256 fingerprints of the dev keys are here (PlatformDevKeysTest checks them against dev/keys).
 */
public final class CommittedDevKeys {

    /** SHA-256 of the RSA modulus of dev/keys/dev-only-jwt-public.pem. */
    static final String DEV_JWT_KEY_FINGERPRINT = "2b532fd63c1dc5fb8efb9b9b0e00e56afd8960931e0399937f5b367fc9f57fa4";
    /** SHA-256 of the 32 bytes of dev/keys/dev-only-device-master-key.hex. */
    static final String DEV_DEVICE_MASTER_KEY_FINGERPRINT =
            "e1c7eeb910c1a6b3544fce4d9ebf1a5a73d3e2a3c69974ed468b3d2a8d79de3a";
    /** SHA-256 of the 32 bytes of dev/keys/dev-only-payout-method-key.hex. */
    static final String DEV_PAYOUT_METHOD_KEY_FINGERPRINT =
            "94403341a05db3a4878d00f26756659b8cbefabf002b87bf40372b4ba815c6f0";

    static final String JWT_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String JWT_KEY = "mp.jwt.verify.publickey";
    static final String DEVICE_MASTER_KEY = "device-auth.master-key";
    static final String PAYOUT_METHOD_KEY = "affiliates.payout-methods.encryption-key";

    private static final Pattern PEM_BODY = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");
    private static final Pattern JWK_MODULUS = Pattern.compile("\"n\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");

    private CommittedDevKeys() {
    }

    /** One problem per committed dev-only key the configuration uses; {@code config} looks a property up. */
    public static List<String> foundIn(Function<String, Optional<String>> config) {
        List<String> problems = new ArrayList<>();
        Optional<String> inlineJwtKey = config.apply(JWT_KEY);
        Optional<String> jwtKey = inlineJwtKey.or(() -> config.apply(JWT_KEY_LOCATION).flatMap(CommittedDevKeys::readLocal));
        if (jwtKey.map(CommittedDevKeys::rsaModulusFingerprints).orElse(List.of()).contains(DEV_JWT_KEY_FINGERPRINT)) {
            problems.add(describe(inlineJwtKey.isPresent() ? JWT_KEY : JWT_KEY_LOCATION,
                    "dev/keys/dev-only-jwt-public.pem", "use the identity service's public key"));
        }
        if (config.apply(DEVICE_MASTER_KEY).flatMap(CommittedDevKeys::hexFingerprint)
                .filter(DEV_DEVICE_MASTER_KEY_FINGERPRINT::equals).isPresent()) {
            problems.add(describe(DEVICE_MASTER_KEY, "dev/keys/dev-only-device-master-key.hex",
                    "generate a key of your own (openssl rand -hex 32) and keep it in a Secret"));
        }
        if (config.apply(PAYOUT_METHOD_KEY).flatMap(CommittedDevKeys::keyFingerprint)
                .filter(DEV_PAYOUT_METHOD_KEY_FINGERPRINT::equals).isPresent()) {
            problems.add(describe(PAYOUT_METHOD_KEY, "dev/keys/dev-only-payout-method-key.hex",
                    "generate a key of your own (openssl rand -hex 32) and keep it in a Secret"));
        }
        return problems;
    }

    /** {@code a.b-c (A_B_C) uses the committed dev-only key <file>, which anyone can read: <fix>}. */
    private static String describe(String property, String file, String fix) {
        return property + " (" + DevOnlySettingsGuard.environmentVariableOf(property) + ") uses the committed "
                + "dev-only key " + file + ", which anyone can read: " + fix;
    }

    /** A key file on this machine (path, file: or classpath:); remote locations are not fetched here. */
    private static Optional<String> readLocal(String location) {
        try {
            if (location.startsWith("classpath:")) {
                try (InputStream in = Thread.currentThread().getContextClassLoader()
                        .getResourceAsStream(location.substring("classpath:".length()).replaceFirst("^/", ""))) {
                    return in == null ? Optional.empty()
                            : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            if (location.contains("://") && !location.startsWith("file:")) {
                return Optional.empty();
            }
            Path path = Path.of(location.replaceFirst("^file:(//)?", ""));
            return Files.isRegularFile(path) ? Optional.of(Files.readString(path)) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // The JWT extension reports an unreadable key itself; this check only looks for the dev key.
            return Optional.empty();
        }
    }

    /** Fingerprints of the RSA moduli in a PEM public key or a JWK / JWK set. */
    static List<String> rsaModulusFingerprints(String keyText) {
        List<String> fingerprints = new ArrayList<>();
        Matcher pem = PEM_BODY.matcher(keyText);
        while (pem.find()) {
            try {
                byte[] der = Base64.getMimeDecoder().decode(pem.group(1));
                RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
                fingerprints.add(sha256(unsigned(key.getModulus())));
            } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException notRsa) {
                // Not an RSA key: not the dev key either.
            }
        }
        Matcher jwk = JWK_MODULUS.matcher(keyText);
        while (jwk.find()) {
            try {
                fingerprints.add(sha256(Base64.getUrlDecoder().decode(jwk.group(1))));
            } catch (IllegalArgumentException notBase64) {
                // Not a modulus.
            }
        }
        return fingerprints;
    }

    private static Optional<String> hexFingerprint(String hex) {
        try {
            return Optional.of(sha256(HexFormat.of().parseHex(hex.strip())));
        } catch (IllegalArgumentException notHex) {
            return Optional.empty();
        }
    }

    private static Optional<String> keyFingerprint(String text) {
        try {
            return Optional.of(sha256(KeyMaterial.decode256(text, PAYOUT_METHOD_KEY)));
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
