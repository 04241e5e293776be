package com.tradesignals.device.signals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Where a delivery's latency goes, one timer per stage ({@code device_delivery_stage_seconds{stage}}): the signal's
 * issue to its fan-out (Kafka and the consumer), the fan-out to the first poll answer holding it (the device's
 * polling), and that answer to the poll that acknowledged it (the terminal's handling).
 */
@ApplicationScoped
public class DeliveryStages {

    private final Timer fannedOut;
    private final Timer firstHanded;
    private final Timer acknowledged;

    DeliveryStages(MeterRegistry registry) {
        this.fannedOut = stage(registry, "fanned-out", "From the signal's issued_at to its deliveries' creation");
        this.firstHanded = stage(registry, "first-handed", "From a delivery's creation to the first poll answer holding it");
        this.acknowledged = stage(registry, "acknowledged", "From a delivery's first hand-out to the poll acknowledging it");
    }

    private static Timer stage(MeterRegistry registry, String stage, String description) {
        return Timer.builder("device.delivery.stage").description(description).tag("stage", stage)
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    void fannedOut(Duration issuedToCreated) {
        fannedOut.record(nonNegative(issuedToCreated));
    }

    public void firstHanded(Duration createdToHanded) {
        firstHanded.record(nonNegative(createdToHanded));
    }

    public void acknowledged(Duration handedToAcknowledged) {
        acknowledged.record(nonNegative(handedToAcknowledged));
    }

    /** The upstream's clock may run ahead of ours. */
    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
