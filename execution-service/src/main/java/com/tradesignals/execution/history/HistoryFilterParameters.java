package com.tradesignals.execution.history;

import com.tradesignals.execution.ledger.ExecutionState;
import com.tradesignals.execution.ledger.ExecutionStore.ExecutionFilter;
import com.tradesignals.platform.problem.QueryParameters;
import jakarta.ws.rs.BeanParam;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The query parameters that filter the execution history, as a {@link BeanParam}. Text, read by {@link #filter()},
 * so that a bad value is a 400 naming the parameter. The period is on the execution's creation, which never changes,
 * so that a period's list (and its pages) stays the same while executions move on.
 */
public class HistoryFilterParameters {

    // Signals carry any symbol a broker uses (EURUSD, GER40.cash, BTC/USD): only its length and control characters
    // are checked, so that an empty or absurd value is named rather than silently matching nothing.
    private static final Pattern INSTRUMENT = Pattern.compile("\\P{Cntrl}{1,64}");

    @Parameter(description = "Only executions of signals for this instrument (exact, e.g. EURUSD; at most 64 characters, no control characters)")
    @RestQuery
    String instrument;

    @Parameter(description = "Only executions in this state (any case)",
            schema = @Schema(implementation = ExecutionState.class))
    @RestQuery
    String state;

    @Parameter(description = "Only executions created at or after this instant (ISO-8601)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @RestQuery
    String from;

    @Parameter(description = "Only executions created before this instant (ISO-8601), after `from`",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @RestQuery
    String to;

    @Parameter(description = "Only executions of this device",
            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @RestQuery("device_id")
    String deviceId;

    /** The filter, or a 400 {@code /problems/validation} naming an invalid parameter ({@code to} after from). */
    ExecutionFilter filter() {
        if (instrument != null && !INSTRUMENT.matcher(instrument).matches()) {
            throw QueryParameters.invalid("instrument");
        }
        ExecutionFilter filter = new ExecutionFilter(instrument,
                QueryParameters.enumValue(ExecutionState.class, "state", state),
                QueryParameters.uuid("device_id", deviceId), QueryParameters.instant("from", from),
                QueryParameters.instant("to", to));
        QueryParameters.requirePeriod(filter.from(), filter.to());
        return filter;
    }
}
