package com.tradesignals.platform.observability;

import io.opentelemetry.api.trace.Span;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

/**
 * Once a request is authenticated, puts who it acts for into its log context and on its span: {@code userId} (the
 * token's subject, or the owner of a signing device) and {@code deviceId} for a signed device request. It changes
 * nothing in the identity. An identity provider whose principal is not a token (device-auth) names the user and
 * the device in the attributes below.
 */
@ApplicationScoped
public class IdentityLogging implements SecurityIdentityAugmentor {

    public static final String USER_ID = "userId";
    public static final String DEVICE_ID = "deviceId";
    /** Identity attribute: the UUID of the user a non-token identity acts for. */
    public static final String USER_ID_ATTRIBUTE = "user-id";
    /** Identity attribute: the UUID of the device a signed request came from. */
    public static final String DEVICE_ID_ATTRIBUTE = "device-id";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous()) {
            Object deviceId = identity.getAttribute(DEVICE_ID_ATTRIBUTE);
            Object deviceOwner = identity.getAttribute(USER_ID_ATTRIBUTE);
            if (deviceId != null) {
                record(DEVICE_ID, "device.id", deviceId.toString());
            }
            if (deviceOwner != null) {
                record(USER_ID, "enduser.id", deviceOwner.toString());
            } else if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
                record(USER_ID, "enduser.id", token.getSubject());
            }
        }
        return Uni.createFrom().item(identity);
    }

    private static void record(String mdcKey, String spanAttribute, String value) {
        MDC.put(mdcKey, value);
        Span.current().setAttribute(spanAttribute, value);
    }
}
