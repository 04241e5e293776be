package com.tradesignals.platform.observability;

import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.platform.deviceauth.DeviceIdentityProvider;
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
 * nothing in the identity.
 */
@ApplicationScoped
public class IdentityLogging implements SecurityIdentityAugmentor {

    public static final String USER_ID = "userId";
    public static final String DEVICE_ID = "deviceId";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous()) {
            Object keyId = identity.getAttribute(DeviceIdentityProvider.KEY_ID);
            Object deviceOwner = identity.getAttribute(DeviceIdentityProvider.USER_ID);
            if (keyId instanceof DeviceKeyId deviceKey) {
                record(DEVICE_ID, "device.id", deviceKey.deviceId().toString());
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
