package com.tradesignals.contracts;

/** Kafka topics the services share. Every record is keyed by the user id, so one user's events stay in order. */
public final class Topics {

    /** {@code SignalIssued}, published by the upstream Signals API. */
    public static final String SIGNALS = "signals.v1";
    /** Device lifecycle events, published by device-service. */
    public static final String DEVICES_LIFECYCLE = "devices.lifecycle.v1";
    /** Execution reports, published by execution-service. */
    public static final String EXECUTIONS = "executions.v1";
    /** Every change of the affiliate programme's tree and ledger, published by affiliate-service. */
    public static final String AFFILIATES = "affiliates.v1";

    private Topics() {
    }

    /** Where a consuming service parks a record of {@code topic} it cannot process. */
    public static String deadLetterTopic(String topic, String consumingService) {
        return topic + "." + consumingService + ".dlq";
    }
}
