package com.tradesignals.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.tradesignals.platform.database.DatabaseUnavailable;
import com.tradesignals.platform.database.DatabaseUnavailableConfig;
import com.tradesignals.platform.problem.Problem.FieldError;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The one place where failures become responses: every error a service answers is problem+json, a client
 * mistake is a 4xx naming the problem, an unreachable database a 503 the client may retry, and a server fault is a
 * 500 that carries no internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    @Inject
    DatabaseUnavailableConfig databaseUnavailable;

    @ServerExceptionMapper
    public Response domainProblem(ProblemException problem, UriInfo uri) {
        return respond(problem.status().getStatusCode(), "/problems/" + problem.slug(), problem.title(),
                problem.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException violations, UriInfo uri) {
        List<FieldError> errors = violations.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        return respond(400, "/problems/validation", "Invalid request", "Invalid fields: " + fields, uri, errors);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException malformed, UriInfo uri) {
        return respond(400, "/problems/malformed-json", "Malformed JSON",
                "The request body is not valid JSON (line " + malformed.getLocation().getLineNr() + ", column "
                        + malformed.getLocation().getColumnNr() + ")",
                uri, List.of());
    }

    // Declared for MismatchedInputException too: Quarkus has a built-in mapper for that subtype.
    @ServerExceptionMapper({ JsonMappingException.class, MismatchedInputException.class })
    public Response unreadableField(JsonMappingException mismatch, UriInfo uri) {
        String field = jsonPath(mismatch);
        String reason = mismatch instanceof UnrecognizedPropertyException ? "unknown field" : "wrong type or format";
        if (mismatch instanceof InvalidTypeIdException) {
            // Polymorphic bodies name their kind in a "type" property (e.g. a payout method).
            field = "body".equals(field) ? "type" : field + ".type";
            reason = "missing or unknown type";
        }
        return respond(400, "/problems/validation", "Invalid request", "Invalid fields: " + field, uri,
                List.of(new FieldError(field, reason)));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException failure, UriInfo uri) {
        return Response.fromResponse(respond(401, "/problems/unauthenticated", "Authentication required",
                "Missing or invalid credentials", uri, List.of()))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException failure, UriInfo uri) {
        return respond(403, "/problems/forbidden", "Forbidden", "Your role does not allow this operation", uri,
                List.of());
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException failure, UriInfo uri) {
        if (failure.getCause() instanceof JsonParseException malformed) {
            return malformedJson(malformed, uri);
        }
        if (failure.getCause() instanceof JsonMappingException mismatch) {
            return unreadableField(mismatch, uri);
        }
        Response.StatusType status = failure.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(failure, uri);
        }
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return respond(status.getStatusCode(), "/problems/" + slug, status.getReasonPhrase(), failure.getMessage(),
                uri, List.of());
    }

    /**
     * JAX-RS answers a query or path parameter it cannot convert (a malformed UUID, {@code after=abc}) with a 404
     * caused by the conversion failure; that is the client's mistake, so it is a 400 naming the parameter. A 404
     * without a cause (no such route) stays a 404.
     */
    @ServerExceptionMapper
    public Response invalidParameter(NotFoundException failure, UriInfo uri, SimpleResourceInfo resource) {
        if (failure.getCause() == null) {
            return httpError(failure, uri);
        }
        List<String> names = InvalidParameters.of(resource, uri);
        List<FieldError> errors = names.stream().map(name -> new FieldError(name, "wrong type or format")).toList();
        String fields = names.isEmpty() ? "a query or path parameter" : String.join(", ", names);
        return respond(400, "/problems/validation", "Invalid request", "Invalid fields: " + fields, uri, errors);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, UriInfo uri) {
        if (DatabaseUnavailable.isCause(failure)) {
            return unavailable(failure, uri);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure, incident %s, on %s", incident, uri.getPath());
        return respond(500, "/problems/internal-error", "Internal error",
                "The request could not be completed; incident " + incident, uri, List.of());
    }

    /**
     * The whole family of "database unreachable" failures of the reactive PostgreSQL client and Hibernate Reactive
     * (connection refused, connection closed, no pooled connection in time, sessions refused), wrapped however they
     * arrive: the request may succeed later, so 503 with {@code Retry-After}, never a 500.
     */
    private Response unavailable(Throwable failure, UriInfo uri) {
        LOG.warnf("Database unreachable on %s: %s", uri.getPath(), failure);
        return Response.fromResponse(respond(503, "/problems/service-unavailable", "Service unavailable",
                "The service cannot reach its database; retry later", uri, List.of()))
                .header("Retry-After", Math.max(1, databaseUnavailable.retryAfter().toSeconds()))
                .build();
    }

    private static Response respond(int status, String type, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, uri.getPath(), errors))
                .build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            names.add(node.getName());
        }
        // The path starts with the resource method and its parameter: what the client sent starts after them.
        List<String> sent = names.size() > 2 ? names.subList(2, names.size()) : names.subList(names.size() - 1, names.size());
        return sent.stream().map(SNAKE_CASE::translate).collect(Collectors.joining("."));
    }

    private static String jsonPath(JsonMappingException mismatch) {
        String path = mismatch.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }
}
