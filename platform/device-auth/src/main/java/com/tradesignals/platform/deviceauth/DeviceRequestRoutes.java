package com.tradesignals.platform.deviceauth;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Set;

/**
 * HTTP plumbing for signed device requests: the body of a signed request is read before authentication
 * (its hash is signed), a {@code +} in its query reaches the endpoint as the literal plus that was signed, and
 * every response tells the device the server's time ({@code X-Server-Time},
 * Unix milliseconds) so it can correct its clock.
 */
@ApplicationScoped
public class DeviceRequestRoutes {

    public static final String SERVER_TIME_HEADER = "X-Server-Time";
    private static final Set<HttpMethod> BODYLESS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE,
            HttpMethod.OPTIONS);

    void install(@Observes Router router, DeviceAuthConfig config, Clock clock) {
        BodyHandler bodyHandler = BodyHandler.create(false).setBodyLimit(config.maxBodyBytes());
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER).handler(context -> {
            context.addHeadersEndHandler(ignored -> context.response()
                    .putHeader(SERVER_TIME_HEADER, Long.toString(clock.millis())));
            String authorization = context.request().getHeader("Authorization");
            boolean isSigned = authorization != null
                    && authorization.startsWith(DeviceAuthenticationMechanism.SCHEME + " ");
            String query = context.request().query();
            if (isSigned && query != null && query.indexOf('+') >= 0) {
                // The signature reads a "+" as a literal plus (RFC 3986); the HTTP layer would decode it as a
                // space (HTML forms). Routing again with "%2B" gives the endpoint what was signed.
                context.reroute(context.request().method(), context.request().path() + "?"
                        + query.replace("+", "%2B"));
            } else if (isSigned && mayHaveBody(context.request().method()) && !declaresNoBody(context.request())) {
                bodyHandler.handle(context);
            } else {
                context.next();
            }
        });
    }

    /**
     * A body declared empty is hashed as empty without reading it: after the body handler has read an empty body,
     * RESTEasy Reactive waits for one again and the request is never answered.
     */
    private static boolean declaresNoBody(HttpServerRequest request) {
        return "0".equals(request.getHeader(HttpHeaders.CONTENT_LENGTH))
                && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
    }

    /**
     * GET, HEAD, DELETE and OPTIONS are signed with the hash of an empty body and never read: reading them
     * would also break requests that arrive as an HTTP/2 upgrade, whose stream has already ended.
     */
    private static boolean mayHaveBody(HttpMethod method) {
        return !BODYLESS.contains(method);
    }
}
