package com.tradesignals.affiliate.api;

import com.tradesignals.affiliate.commission.UnpricedReason;
import com.tradesignals.affiliate.ledger.EntryStatus;
import com.tradesignals.affiliate.ledger.HistoryFilter;
import com.tradesignals.affiliate.payout.Payout;
import com.tradesignals.platform.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Query parameters read by hand so that a bad value is a 400 naming the parameter, not a 404. */
final class QueryParameters {

    private QueryParameters() {
    }

    static HistoryFilter historyFilter(String status, String from, String to) {
        HistoryFilter filter = new HistoryFilter(
                status == null ? null : enumValue(EntryStatus.class, "status", status),
                instant("from", from), instant("to", to));
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw invalid("to");
        }
        return filter;
    }

    static Payout.Status payoutStatus(String status) {
        return status == null ? null : enumValue(Payout.Status.class, "status", status);
    }

    static UnpricedReason unpricedReason(String reason) {
        try {
            return reason == null ? null : UnpricedReason.fromCode(reason.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("reason");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(name);
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name);
        }
    }

    private static ProblemException invalid(String name) {
        return ProblemException.badRequest("validation", "Invalid request", "Invalid fields: " + name);
    }
}
