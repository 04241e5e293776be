package com.tradesignals.platform.observability;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/**
 * Spans leave the process only where an OTLP collector is configured ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}).
 * Unset, the endpoint reads as Quarkus' default, and this exporter, which drops spans, becomes the service's span
 * exporter: Quarkus then installs no OTLP exporter, which would send to localhost:4317 and log every failed attempt
 * (a collector on this host is configured as {@code http://127.0.0.1:4317}). Trace context is still created
 * and propagated (HTTP, outbox, Kafka headers) and trace ids still appear in the logs.
 */
@ApplicationScoped
@Unremovable
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = TraceExport.QUARKUS_DEFAULT_ENDPOINT,
        lookupIfMissing = true)
public class TraceExport implements SpanExporter {

    static final String QUARKUS_DEFAULT_ENDPOINT = "http://localhost:4317/";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
