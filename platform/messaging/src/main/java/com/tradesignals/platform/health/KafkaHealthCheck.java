package com.tradesignals.platform.health;

import io.smallrye.health.api.HealthGroup;
import io.smallrye.reactive.messaging.health.HealthReporter;
import io.smallrye.reactive.messaging.health.HealthReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * Kafka's state as the health group {@code kafka} ({@code /q/health/group/kafka}), outside readiness: the Kafka
 * connector's own readiness report of every channel. Readiness must not depend on Kafka, whose outage the outbox and
 * the waiting consumers absorb; operators and dashboards look here.
 */
@HealthGroup("kafka")
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {

    @Inject
    @Connector("smallrye-kafka")
    HealthReporter kafka;

    @Override
    public HealthCheckResponse call() {
        HealthReport report = kafka.getReadiness();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka").status(report.isOk());
        report.getChannels().forEach(channel -> response.withData(channel.getChannel(),
                channel.isOk() ? "UP" : "DOWN" + (channel.getMessage() == null ? "" : ": " + channel.getMessage())));
        return response.build();
    }
}
