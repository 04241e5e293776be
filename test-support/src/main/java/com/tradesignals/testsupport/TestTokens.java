package com.tradesignals.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Set;
import java.util.UUID;

/** Real RS256 tokens, signed with the committed dev-only key, as the platform's identity service would issue. */
public final class TestTokens {

    public static final String ISSUER = "https://identity.tradesignals.dev";
    /** The audience the services require: tokens the identity service issues for this API. */
    public static final String AUDIENCE = "https://api.tradesignals.dev";
    private static PrivateKey signingKey;

    private TestTokens() {
    }

    public static String user(UUID userId) {
        return token(userId, "user");
    }

    public static String admin(UUID userId) {
        return token(userId, "user", "admin");
    }

    public static String token(UUID userId, String... roles) {
        return claims(userId, roles).sign(signingKey());
    }

    /** A token signed by a key the services do not trust. */
    public static String forgedUser(UUID userId) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(userId, "user").sign(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The claims of a good user token, for a test that changes one of them; sign it with {@link #sign}.
     */
    public static JwtClaimsBuilder claims(UUID userId, String... roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(userId.toString()).groups(Set.of(roles))
                .expiresIn(3600);
    }

    /** Signs claims with the dev-only key, as the identity service would. */
    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(signingKey());
    }

    /** The identity service's public key, for tests that forge tokens with it. */
    public static Path publicKey() {
        return devKeys().resolve("dev-only-jwt-public.pem");
    }

    private static synchronized PrivateKey signingKey() {
        if (signingKey == null) {
            try {
                signingKey = KeyUtils.decodePrivateKey(Files.readString(devKeys().resolve("dev-only-jwt-private.pem")));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the dev-only JWT signing key", e);
            }
        }
        return signingKey;
    }

    static Path devKeys() {
        return ProjectRoot.resolve("dev/keys");
    }
}
