package com.tradesignals.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The user a request acts for: the {@code sub} of its verified token, which must be a user id (UUID). */
@RequestScoped
public class CurrentUser {

    private final JsonWebToken token;

    CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    public UUID id() {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AuthenticationFailedException("the token's subject is not a user id");
        }
    }
}
