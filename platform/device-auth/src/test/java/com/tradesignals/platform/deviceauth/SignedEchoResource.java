package com.tradesignals.platform.deviceauth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/** Test-only endpoint: answers who signed and the body (or query) it read after authentication. */
@Path("/test/signed-echo")
@RolesAllowed(DeviceIdentityProvider.ROLE)
@HttpAuthenticationMechanism("DHMAC-SHA256")
public class SignedEchoResource {

    private final SecurityIdentity identity;

    SignedEchoResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The {@code q} query parameters as the endpoint reads them. */
    @GET
    public Map<String, Object> echoQuery(@RestQuery List<String> q) {
        return Map.of("q", q);
    }

    @POST
    public Map<String, Object> echo(Map<String, Object> body) {
        return Map.of("device_id", identity.getPrincipal().getName(),
                "user_id", identity.getAttribute(DeviceIdentityProvider.USER_ID).toString(),
                "body", body);
    }
}
