package com.tradesignals.e2e;

import static io.restassured.RestAssured.given;

import com.tradesignals.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** A user of a client app: a user id and a token, calling the API through the gateway. */
record User(UUID id, String token, String gateway) {

    static User signUp(SystemUnderTest system) {
        UUID id = UUID.randomUUID();
        return new User(id, TestTokens.user(id), system.gateway);
    }

    static User admin(SystemUnderTest system) {
        UUID id = UUID.randomUUID();
        return new User(id, TestTokens.admin(id), system.gateway);
    }

    RequestSpecification api() {
        return given().baseUri(gateway).auth().oauth2(token).contentType(ContentType.JSON);
    }
}
