package com.tradesignals.platform.openapi;

import static org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.ARRAY;
import static org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER;
import static org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.OBJECT;
import static org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING;

import com.tradesignals.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The parts of every service's OpenAPI document that no resource should repeat: the RFC 9457 {@code Problem}
 * schema, the two security schemes, and the error answers any operation can give (docs/problems.md). A resource
 * documents its successes and its own domain problems (a 409 or 422 with its problem types); this filter gives
 * every error answer the problem+json body and adds the ones that follow from the operation's shape: 400 when it
 * reads parameters or a body, 401 and 403 from its security, 404 for a path id, 413 and 415 for a body, and 429,
 * 500 and 503 everywhere (the gateway's rate limit, a fault, an unreachable database or service).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiReferenceFilter implements OASFilter {

    /** The user (app) scheme: an RS256 JWT of the identity service. */
    public static final String BEARER = "bearer-jwt";
    /** The device scheme: a request signed with the device's secret. */
    public static final String DEVICE = "DHMAC-SHA256";

    static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String NOT_BLANK = "\\S";

    private static final String DEVICE_SCHEME_DESCRIPTION = """
            Devices (trading terminals) never hold a user token: each request is signed with the secret the \
            device received once, at registration (or key rotation). Header: `Authorization: DHMAC-SHA256 \
            kid=<device_id>.<key_version>, ts=<unix milliseconds>, nonce=<16-64 base64url chars>, \
            sig=<64 lower-case hex>`. `sig` is the lower-case hex HMAC-SHA256, keyed with the 32 bytes the \
            64-hex-character secret encodes, of eight lines joined by `\\n`: `DHMAC-SHA256`, ts, nonce, the \
            method in upper case, the path as sent, the canonical query (RFC 3986 encoded pairs sorted by name \
            then value; `+` is a literal plus), the lower-case hex SHA-256 of the body bytes (of the empty string \
            without a body), kid. `ts` must be within 60 s of the server's clock (every answer carries \
            `X-Server-Time`; `GET /api/v1/devices/time` needs no signature); a nonce is accepted once per key. \
            Any failure answers the same 401 problem. Full specification and test vectors: docs/device-signing.md.""";

    private static final String PROBLEM_TYPES = """
            The kind of problem, stable per kind (docs/problems.md): /problems/malformed-json, /problems/validation, \
            /problems/unauthenticated, /problems/forbidden, /problems/not-found, /problems/method-not-allowed, \
            /problems/unsupported-media-type, /problems/payload-too-large, /problems/rate-limited, \
            /problems/device-limit-reached, /problems/device-unlinked, /problems/pairing-code-invalid, \
            /problems/too-many-attempts, /problems/too-many-pairings, /problems/authorization-pending, \
            /problems/slow-down, /problems/expired-token, /problems/report-id-conflict, \
            /problems/duplicate-trade-id, /problems/fill-time-in-future, /problems/fill-not-bustable, \
            /problems/fill-not-under-review, \
            /problems/not-an-affiliate, /problems/unknown-referral-token, /problems/self-referral, \
            /problems/referral-cycle, /problems/referrer-already-set, /problems/already-trading, \
            /problems/affiliate-suspended, /problems/suspension-status-conflict, /problems/no-payout-method, \
            /problems/payout-below-minimum, /problems/insufficient-available-balance, \
            /problems/idempotency-key-reused, /problems/payout-status-conflict, /problems/statement-too-large, \
            /problems/service-unavailable, /problems/internal-error.""";

    private static final Map<String, String> COMMON_ANSWERS = Map.of(
            "400", "`/problems/validation`: a field, query or path parameter is missing, unknown, of the wrong type "
                    + "or format, or out of range (`errors` names each); `/problems/malformed-json`: the body is "
                    + "not JSON",
            "401", "`/problems/unauthenticated`: no credentials, or credentials that do not verify",
            "403", "`/problems/forbidden`: the token's roles do not allow the operation",
            "404", "`/problems/not-found`: no such resource, or it belongs to someone else (ids cannot be probed)",
            "413", "`/problems/payload-too-large`: the gateway refuses bodies over 64 KiB",
            "415", "`/problems/unsupported-media-type`: the body is not `application/json`",
            "429", "`/problems/rate-limited`: the gateway's rate limit per address, device or user; retry after "
                    + "`Retry-After` seconds",
            "500", "`/problems/internal-error`: a fault of the service; `detail` names an incident id",
            "503", "`/problems/service-unavailable`: the service cannot reach its database, or the gateway cannot "
                    + "reach the service; retry after `Retry-After` seconds");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = Objects.requireNonNullElseGet(api.getComponents(), OASFactory::createComponents);
        api.setComponents(components);
        components.addSchema("Problem", problemSchema());
        components.addSchema("FieldError", fieldErrorSchema());
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("A user's access token from the identity service (RS256, this API's audience, at "
                        + "most 8 hours old). Each operation lists the roles it requires: `user` or `admin`."));
        components.addSecurityScheme(DEVICE, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("Authorization").description(DEVICE_SCHEME_DESCRIPTION));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(this::answers));
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(operation -> closeRequestBody(operation, components)));
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ApiReferenceFilter::asValidated);
        }
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation ->
                Objects.requireNonNullElse(operation.getParameters(), List.<Parameter>of())
                        .forEach(parameter -> asValidated(parameter.getSchema()))));
    }

    /**
     * Bean Validation's {@code @Pattern} matches the whole value, a JSON Schema {@code pattern} any part of it: the
     * document anchors each pattern, except SmallRye's {@code \S} for {@code @NotBlank}, a search for one
     * non-blank character. A nullable reference to an object is {@code anyOf [ref, null]}, so its {@code type} must
     * allow null too.
     */
    private static void asValidated(Schema schema) {
        if (schema == null) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && !pattern.startsWith("^") && !pattern.equals(NOT_BLANK)) {
            schema.setPattern("^(?:" + pattern + ")$");
        }
        List<Schema> anyOf = Objects.requireNonNullElse(schema.getAnyOf(), List.of());
        boolean allowsNull = anyOf.stream().anyMatch(alternative -> alternative.getType() != null
                && alternative.getType().contains(Schema.SchemaType.NULL));
        if (allowsNull && schema.getType() != null && !schema.getType().contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> types = new ArrayList<>(schema.getType());
            types.add(Schema.SchemaType.NULL);
            schema.setType(types);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ApiReferenceFilter::asValidated);
        }
        asValidated(schema.getItems());
        anyOf.forEach(ApiReferenceFilter::asValidated);
        Objects.requireNonNullElse(schema.getOneOf(), List.<Schema>of()).forEach(ApiReferenceFilter::asValidated);
        Objects.requireNonNullElse(schema.getAllOf(), List.<Schema>of()).forEach(ApiReferenceFilter::asValidated);
    }

    /** Request bodies are read strictly (unknown fields are refused, platform's Jackson configuration). */
    private static void closeRequestBody(Operation operation, Components components) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        operation.getRequestBody().getContent().getMediaTypes().values()
                .forEach(mediaType -> close(mediaType.getSchema(), components));
    }

    private static void close(Schema schema, Components components) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && components.getSchemas() != null) {
            close(components.getSchemas().get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1)),
                    components);
            return;
        }
        if (schema.getOneOf() != null) {
            schema.getOneOf().forEach(alternative -> close(alternative, components));
        }
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
            schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
        }
    }

    private void answers(Operation operation) {
        APIResponses responses = Objects.requireNonNullElseGet(operation.getResponses(),
                OASFactory::createAPIResponses);
        operation.setResponses(responses);
        List<Parameter> parameters = Objects.requireNonNullElse(operation.getParameters(), List.of());
        boolean hasBody = operation.getRequestBody() != null;
        if (hasBody || !parameters.isEmpty()) {
            addIfAbsent(responses, "400");
        }
        List<SecurityRequirement> security = Objects.requireNonNullElse(operation.getSecurity(), List.of());
        if (!security.isEmpty()) {
            addIfAbsent(responses, "401");
        }
        if (security.stream().anyMatch(requirement -> requirement.hasScheme(BEARER))) {
            addIfAbsent(responses, "403");
        }
        if (parameters.stream().anyMatch(parameter -> parameter.getIn() == Parameter.In.PATH)) {
            addIfAbsent(responses, "404");
        }
        if (hasBody) {
            addIfAbsent(responses, "413");
            addIfAbsent(responses, "415");
        }
        addIfAbsent(responses, "429");
        addIfAbsent(responses, "500");
        addIfAbsent(responses, "503");
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
    }

    private static void addIfAbsent(APIResponses responses, String status) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(COMMON_ANSWERS.get(status)));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(List.of(OBJECT))
                .description("An RFC 9457 problem detail, the body of every error answer (`application/problem+json`)")
                .addProperty("type", OASFactory.createSchema().type(List.of(STRING)).format("uri-reference")
                        .description(PROBLEM_TYPES).examples(List.of("/problems/validation")))
                .addProperty("title", OASFactory.createSchema().type(List.of(STRING))
                        .description("A short summary, stable per type").examples(List.of("Invalid request")))
                .addProperty("status", OASFactory.createSchema().type(List.of(INTEGER)).format("int32")
                        .description("The HTTP status code").examples(List.of(400)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(STRING))
                        .description("What went wrong in this occurrence").examples(List.of("Invalid fields: name")))
                .addProperty("instance", OASFactory.createSchema().type(List.of(STRING)).format("uri-reference")
                        .description("The path of the request").examples(List.of("/api/v1/devices/register")))
                .addProperty("errors", OASFactory.createSchema().type(List.of(ARRAY))
                        .description("Each rejected field, for `/problems/validation`")
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status"));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().type(List.of(OBJECT)).description("One rejected field of a request")
                .addProperty("field", OASFactory.createSchema().type(List.of(STRING))
                        .description("The field's JSON name (dotted when nested) or the parameter's name")
                        .examples(List.of("name")))
                .addProperty("message", OASFactory.createSchema().type(List.of(STRING))
                        .description("Why it was rejected").examples(List.of("must not be blank")))
                .required(List.of("field", "message"));
    }
}
