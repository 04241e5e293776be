package com.tradesignals.platform.deviceauth;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;

/**
 * HTTP plumbing for signed device requests: the body of a signed request is read before authentication
 * (its hash is signed), and every response tells the device the server's time ({@code X-Server-Time},
 * Unix milliseconds) so it can correct its clock.
 */
@ApplicationScoped
public class DeviceRequestRoutes {

    public static final String SERVER_TIME_HEADER = "X-Server-Time";

    void install(@Observes Router router, DeviceAuthConfig config, Clock clock) {
        BodyHandler bodyHandler = BodyHandler.create(false).setBodyLimit(config.maxBodyBytes());
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER).handler(context -> {
            context.addHeadersEndHandler(ignored -> context.response()
                    .putHeader(SERVER_TIME_HEADER, Long.toString(clock.millis())));
            String authorization = context.request().getHeader("Authorization");
            if (authorization != null && authorization.startsWith(DeviceAuthenticationMechanism.SCHEME + " ")) {
                bodyHandler.handle(context);
            } else {
                context.next();
            }
        });
    }
}
