package com.tradesignals.platform.deviceauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The query and body rules of docs/device-signing.md, as the server applies them. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SignedQueryAndBodyTest {

    private static final String PATH = "/test/signed-echo";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI server;

    @Inject
    DeviceKeys devices;

    private DeviceRequestSigner signer;

    @BeforeEach
    void registerDevice() {
        signer = devices.issue(UUID.randomUUID());
    }

    @ParameterizedTest(name = "{0} reaches the endpoint as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "q=a+b          | a+b",
            "q=a%2Bb        | a+b",
            "q=a%20b        | a b",
            "q=%C3%A9t%C3%A9 | été",
            "q=%e2%82%ac1   | €1" })
    void aSignedQueryReachesTheEndpointAsSigned(String rawQuery, String value) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.resolve(PATH + "?" + rawQuery))
                .header("Authorization", signer.authorization("GET", PATH, rawQuery, ""))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("q").get(0).asText()).isEqualTo(value);
    }

    @Test
    void aLiteralSpaceInTheQueryNeverReachesTheSignatureCheck() throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + PATH + "?q=a b HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + signer.authorization("GET", PATH, "q=a b", "") + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            // Netty rejects the request line itself, before Vert.x and any signature check (answering as 1.0).
            assertThat(statusLine).matches("HTTP/1\\.[01] 400");
        }
    }

    @Test
    void aMultipartBodyIsRefused() throws Exception {
        String body = "--boundary\r\nContent-Disposition: form-data; name=\"hello\"\r\n\r\nworld\r\n--boundary--\r\n";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.resolve(PATH))
                .header("Authorization", signer.authorization("POST", PATH, "", body))
                .header("Content-Type", "multipart/form-data; boundary=boundary")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertUniformlyRefused(response);
    }

    @Test
    void aChunkedBodyWithoutALengthIsRefused() throws Exception {
        String body = "{\"hello\":\"world\"}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.resolve(PATH))
                .header("Authorization", signer.authorization("POST", PATH, "", body))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> stream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertUniformlyRefused(response);
    }

    private static InputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertUniformlyRefused(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("type").asText()).isEqualTo("/problems/unauthenticated");
    }
}
