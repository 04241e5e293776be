package com.tradesignals.affiliate.ledger;

import com.tradesignals.platform.problem.QueryParameters;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The query parameters that filter a statement, as a {@link BeanParam} of the affiliate's history and of the
 * administrators' ledger. Text, read by {@link #filter()}, so that a bad value is a 400 naming the parameter.
 */
public class StatementFilterParameters {

    @Parameter(description = "Only entries of this status (any case)",
            schema = @Schema(implementation = EntryStatus.class))
    @RestQuery
    String status;

    @Parameter(description = "Only entries accrued at or after this instant (ISO-8601)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @RestQuery
    String from;

    @Parameter(description = "Only entries accrued before this instant (ISO-8601), after `from`",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @RestQuery
    String to;

    /** The filter, or a 400 {@code /problems/validation} naming an invalid parameter ({@code to} after from). */
    HistoryFilter filter() {
        HistoryFilter filter = new HistoryFilter(QueryParameters.enumValue(EntryStatus.class, "status", status),
                QueryParameters.instant("from", from), QueryParameters.instant("to", to));
        QueryParameters.requirePeriod(filter.from(), filter.to());
        return filter;
    }
}
