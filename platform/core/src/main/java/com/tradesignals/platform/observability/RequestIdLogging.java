package com.tradesignals.platform.observability;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the gateway's {@code X-Request-Id} into the log context of the request (MDC key {@code requestId}) and on its
 * server span, so that a gateway access-log line finds the service's log lines and trace. Values that are not a
 * plain token are ignored: the header comes from the client when the gateway is bypassed.
 */
public class RequestIdLogging {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void logRequestId(ContainerRequestContext request) {
        String requestId = request.getHeaderString(HEADER);
        if (requestId != null && PLAIN_TOKEN.matcher(requestId).matches()) {
            MDC.put(MDC_KEY, requestId);
            Span.current().setAttribute("request.id", requestId);
        }
    }
}
