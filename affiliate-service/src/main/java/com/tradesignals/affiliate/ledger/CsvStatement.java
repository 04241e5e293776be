package com.tradesignals.affiliate.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The statement as CSV (RFC 4180, CRLF line ends, header first; columns added later come last). Free text that a
 * spreadsheet would run as a formula (starting with = + - @) is prefixed with an apostrophe.
 */
public final class CsvStatement {

    public static final String MEDIA_TYPE = "text/csv";

    static final String HEADER = "entry_id,entry_type,status,accrued_at,available_at,paid_at,reversed_at,level,tier,"
            + "rate,fee_base,amount,currency,fill_id,trade_id,referred_user_id,payout_id,instrument,lots,basis,"
            + "basis_value,reason";

    private CsvStatement() {
    }

    public static String render(List<HistoryEntry> entries) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (HistoryEntry entry : entries) {
            csv.append(Stream.of(entry.entryId(), entry.entryType(), entry.status(), entry.accruedAt(),
                            entry.availableAt(), entry.paidAt(), entry.reversedAt(), entry.level(), entry.tier(),
                            plain(entry.rate()), plain(entry.feeBase()), plain(entry.amount()), entry.currency(),
                            entry.fillId(), text(entry.tradeId()), entry.referredUserId(), entry.payoutId(),
                            text(entry.instrument()), plain(entry.lots()), entry.basis(), plain(entry.basisValue()),
                            text(entry.reason()))
                    .map(value -> value == null ? "" : quoted(Objects.toString(value)))
                    .collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String text(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static String quoted(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
