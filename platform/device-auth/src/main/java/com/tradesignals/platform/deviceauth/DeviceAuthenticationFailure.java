package com.tradesignals.platform.deviceauth;

/**
 * Why a device request was refused: for metrics and the log only. The mechanism turns every one of them
 * into the same {@link io.quarkus.security.AuthenticationFailedException}, so the client learns nothing.
 */
class DeviceAuthenticationFailure extends RuntimeException {

    private final String reason;

    DeviceAuthenticationFailure(String reason) {
        super("device request refused: " + reason, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
