package com.tradesignals.affiliate.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** affiliate-service accepts no device requests, so it runs without platform-device-auth (decision 0015). */
@QuarkusTest
class PlatformModulesTest {

    @Inject
    Pool database;

    @Test
    void itAnswersWithoutTheDevicesServerTimeAndKeepsNoDeviceNonces() {
        given().auth().oauth2(TestTokens.user(UUID.randomUUID())).get("/api/v1/affiliates/link")
                .then().statusCode(lessThan(500)).header("X-Server-Time", nullValue());

        String nonceTable = database.query("select to_regclass('device_request_nonces')::text as name").execute()
                .await().indefinitely().iterator().next().getString("name");
        assertThat(nonceTable).isNull();
        assertThat(Thread.currentThread().getContextClassLoader()
                .getResource("com/tradesignals/platform/deviceauth/DeviceIdentityProvider.class")).isNull();
    }
}
