package com.tradesignals.platform.deviceauth;

import com.tradesignals.contracts.signing.DeviceAuthorization;
import com.tradesignals.contracts.signing.DeviceRequestSigning;
import com.tradesignals.platform.observability.IdentityLogging;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Turns a signed request into a device identity: the key must be known and usable, the signature must
 * verify under the key's derived secret, and the nonce must be new for this key.
 */
@ApplicationScoped
public class DeviceIdentityProvider implements IdentityProvider<DeviceSignatureRequest> {

    public static final String ROLE = "device";
    /** Identity attribute: the UUID of the device's owner (also what the logs show as the user). */
    public static final String USER_ID = IdentityLogging.USER_ID_ATTRIBUTE;
    /** Identity attribute: the {@link com.tradesignals.contracts.signing.DeviceKeyId} that signed. */
    public static final String KEY_ID = "device.key-id";

    private final Instance<DeviceKeyDirectory> directory;
    private final DeviceKeyCache keys;
    private final DeviceSecretSource secrets;
    private final DeviceAuthConfig config;
    private final NonceLedger nonces;
    private final Clock clock;

    DeviceIdentityProvider(Instance<DeviceKeyDirectory> directory, DeviceKeyCache keys, DeviceSecretSource secrets,
            DeviceAuthConfig config, NonceLedger nonces, Clock clock) {
        this.directory = directory;
        this.keys = keys;
        this.secrets = secrets;
        this.config = config;
        this.nonces = nonces;
        this.clock = clock;
    }

    @Override
    public Class<DeviceSignatureRequest> getRequestType() {
        return DeviceSignatureRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(DeviceSignatureRequest request, AuthenticationRequestContext context) {
        DeviceAuthorization authorization = request.authorization();
        Instant now = clock.instant();
        if (!directory.isResolvable()) {
            return Uni.createFrom().failure(new DeviceAuthenticationFailure("devices-not-accepted-here"));
        }
        return keys.find(authorization.keyId(), now, directory.get()).chain(key -> {
            if (key == null) {
                throw new DeviceAuthenticationFailure("unknown-key");
            }
            if (!key.isUsableAt(now)) {
                throw new DeviceAuthenticationFailure("revoked-or-expired-key");
            }
            byte[] secret = secrets.secretOf(authorization.keyId());
            if (!DeviceRequestSigning.isValidSignature(secret, request.stringToSign(), authorization.signatureHex())) {
                throw new DeviceAuthenticationFailure("bad-signature");
            }
            return acceptNonceOnce(authorization, now).map(isFirstUse -> {
                if (!isFirstUse) {
                    throw new DeviceAuthenticationFailure("replayed-nonce");
                }
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(key.deviceId().toString()))
                        .addRole(ROLE)
                        .addAttribute(USER_ID, key.userId())
                        .addAttribute(KEY_ID, authorization.keyId())
                        .addAttribute(IdentityLogging.DEVICE_ID_ATTRIBUTE, key.deviceId())
                        .build();
            });
        });
    }

    private Uni<Boolean> acceptNonceOnce(DeviceAuthorization authorization, Instant now) {
        // Kept for twice the skew: a request outside the window is refused before its nonce is looked at.
        Instant expiresAt = now.plus(config.clockSkew().multipliedBy(2));
        return nonces.acceptOnce(authorization.keyId().toString(), authorization.nonce(),
                expiresAt.atOffset(ZoneOffset.UTC));
    }
}
