package com.tradesignals.platform.deviceauth;

import com.tradesignals.contracts.signing.DeviceAuthorization;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A signed device request, handed from the mechanism to {@link DeviceIdentityProvider}. */
public class DeviceSignatureRequest extends BaseAuthenticationRequest {

    private final DeviceAuthorization authorization;
    private final String stringToSign;

    DeviceSignatureRequest(DeviceAuthorization authorization, String stringToSign) {
        this.authorization = authorization;
        this.stringToSign = stringToSign;
    }

    DeviceAuthorization authorization() {
        return authorization;
    }

    String stringToSign() {
        return stringToSign;
    }
}
