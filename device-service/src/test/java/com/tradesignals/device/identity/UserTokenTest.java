package com.tradesignals.device.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the services accept as a user's token (docs/operations.md, "Identity"), checked on one service. */
@QuarkusTest
class UserTokenTest {

    private static final long MAX_TOKEN_AGE_SECONDS = 28_800;
    private final UUID user = UUID.randomUUID();

    @Test
    void aGoodTokenPasses() {
        given().auth().oauth2(TestTokens.user(user)).when().get("/api/v1/devices").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "alg none", "HS256 keyed with the public key", "another RSA key", "expired",
            "older than the maximum age", "wrong issuer", "wrong audience", "no audience" })
    void aBadTokenIsRefusedWithTheUniformProblem(String badness) throws Exception {
        given().auth().oauth2(tokenThatIs(badness)).when().get("/api/v1/devices")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("/problems/unauthenticated"))
                .body("detail", equalTo("Missing or invalid credentials"));
    }

    private String tokenThatIs(String badness) throws Exception {
        Instant now = Instant.now();
        return switch (badness) {
            case "alg none" -> unsigned(header("none")) + ".";
            case "HS256 keyed with the public key" -> {
                String input = unsigned(header("HS256"));
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Files.readAllBytes(TestTokens.publicKey()), "HmacSHA256"));
                yield input + "." + base64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
            }
            case "another RSA key" -> TestTokens.forgedUser(user);
            case "expired" -> TestTokens.sign(TestTokens.claims(user, "user")
                    .issuedAt(now.minusSeconds(3600)).expiresAt(now.minusSeconds(600)));
            case "older than the maximum age" -> TestTokens.sign(TestTokens.claims(user, "user")
                    .issuedAt(now.minusSeconds(MAX_TOKEN_AGE_SECONDS + 600)).expiresAt(now.plusSeconds(3600)));
            case "wrong issuer" -> TestTokens.sign(TestTokens.claims(user, "user").issuer("https://identity.example"));
            case "wrong audience" -> TestTokens.sign(TestTokens.claims(user, "user").audience("https://api.example"));
            case "no audience" -> TestTokens.sign(Jwt.issuer(TestTokens.ISSUER).subject(user.toString())
                    .groups(Set.of("user")).expiresIn(3600));
            default -> throw new IllegalArgumentException(badness);
        };
    }

    /** Header and claims of an otherwise good token, with the algorithm {@code alg}. */
    private String unsigned(String header) {
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"" + TestTokens.AUDIENCE + "\",\"sub\":\""
                + user + "\",\"groups\":[\"user\"],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
        return base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(claims.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(String alg) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
