package com.tradesignals.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response. {@code type} and {@code title} are stable
 * per kind of problem (docs/problems.md lists them); {@code detail} explains this occurrence;
 * {@code errors} names each offending field of a rejected request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected field: where it is in the request ({@code body.name}, {@code query.limit}) and why. */
    public record FieldError(String field, String message) {
    }
}
