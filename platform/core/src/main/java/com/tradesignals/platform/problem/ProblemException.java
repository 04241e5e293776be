package com.tradesignals.platform.problem;

import jakarta.ws.rs.core.Response;

/**
 * A client-facing failure of the domain: thrown by services, answered as problem+json with this status.
 * {@code slug} becomes the problem type {@code /problems/<slug>}.
 */
public class ProblemException extends RuntimeException {

    private final Response.StatusType status;
    private final String slug;
    private final String title;

    public ProblemException(Response.StatusType status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Response.Status.NOT_FOUND, "not-found", "Not found", what + " does not exist");
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(Response.Status.CONFLICT, slug, title, detail);
    }

    public static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, slug, title, detail);
    }

    public Response.StatusType status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
