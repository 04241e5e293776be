package com.tradesignals.platform.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace context as a W3C {@code traceparent} string, for carrying it where no OpenTelemetry instrumentation does:
 * through an outbox row from the transaction that wrote it to the relay that publishes it, or with a stored signal.
 */
public final class TraceContexts {

    private static final String TRACEPARENT = "traceparent";
    private static final TextMapGetter<String> TRACEPARENT_ONLY = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private TraceContexts() {
    }

    /** The current span's {@code traceparent}, or null outside a trace. */
    public static String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        return headers.get(TRACEPARENT);
    }

    /** The context whose parent span {@code traceparent} names; the root context for null or a malformed value. */
    public static Context fromTraceparent(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT_ONLY);
    }

}
