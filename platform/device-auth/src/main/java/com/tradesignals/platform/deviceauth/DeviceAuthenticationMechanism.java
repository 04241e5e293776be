package com.tradesignals.platform.deviceauth;

import com.tradesignals.contracts.signing.DeviceAuthorization;
import com.tradesignals.contracts.signing.DeviceRequestSigning;
import com.tradesignals.contracts.signing.SignedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Authenticates devices by their DHMAC-SHA256 v1 request signature (docs/device-signing.md). A request
 * without that scheme is left to the other mechanisms; one with it either becomes a {@code device} identity
 * or fails with the same 401 whatever was wrong, the reason going to the log and to
 * {@code device_auth_failures_total{reason}}.
 */
@ApplicationScoped
public class DeviceAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SCHEME = DeviceRequestSigning.SCHEME;
    private static final Logger LOG = Logger.getLogger(DeviceAuthenticationMechanism.class);

    private final DeviceAuthConfig config;
    private final Clock clock;
    private final MeterRegistry registry;

    DeviceAuthenticationMechanism(DeviceAuthConfig config, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.startsWith(SCHEME + " ")) {
            return Uni.createFrom().nullItem();
        }
        DeviceSignatureRequest request;
        try {
            request = signatureRequest(context, DeviceAuthorization.parse(header));
        } catch (DeviceAuthenticationFailure failure) {
            return refuse(failure);
        } catch (IllegalArgumentException malformed) {
            return refuse(new DeviceAuthenticationFailure("malformed"));
        }
        return identityProviderManager.authenticate(request)
                .onFailure(DeviceAuthenticationFailure.class)
                .recoverWithUni(failure -> refuse((DeviceAuthenticationFailure) failure));
    }

    private DeviceSignatureRequest signatureRequest(RoutingContext context, DeviceAuthorization authorization) {
        long skewMillis = Math.abs(clock.millis() - authorization.timestampMillis());
        if (skewMillis > config.clockSkew().toMillis()) {
            throw new DeviceAuthenticationFailure("stale-timestamp");
        }
        if (!isHashable(context.request())) {
            throw new DeviceAuthenticationFailure("unhashable-body");
        }
        Buffer body = context.body().available() ? context.body().buffer() : null;
        SignedRequest signed = new SignedRequest(context.request().method().name(), context.request().path(),
                context.request().query(), DeviceRequestSigning.sha256Hex(body == null ? new byte[0] : body.getBytes()));
        return new DeviceSignatureRequest(authorization, DeviceRequestSigning.stringToSign(authorization.keyId(),
                authorization.timestampMillis(), authorization.nonce(), signed));
    }

    /**
     * Only a body read whole, as sent, is hashed: a multipart body is parsed into parts (and its raw bytes are
     * gone), and a chunked body without a length may not be what the device hashed, so both are refused rather
     * than signed as empty.
     */
    private static boolean isHashable(HttpServerRequest request) {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return false;
        }
        String transferEncoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return transferEncoding == null || request.getHeader(HttpHeaders.CONTENT_LENGTH) != null;
    }

    private Uni<SecurityIdentity> refuse(DeviceAuthenticationFailure failure) {
        registry.counter("device.auth.failures", "reason", failure.reason()).increment();
        LOG.infof("Device request refused: %s", failure.reason());
        return Uni.createFrom().failure(new AuthenticationFailedException());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", SCHEME));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(DeviceSignatureRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }
}
