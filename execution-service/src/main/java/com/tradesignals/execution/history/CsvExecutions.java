package com.tradesignals.execution.history;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The execution history as CSV, as affiliate-service's statement (RFC 4180, CRLF line ends, header first; columns
 * added later come last). The instrument, the only free text, is prefixed with an apostrophe when a spreadsheet
 * would run it as a formula (starting with = + - @).
 */
final class CsvExecutions {

    static final String MEDIA_TYPE = "text/csv";

    static final String HEADER = "execution_id,signal_id,device_id,instrument,side,state,signal_size,cumulative_size,"
            + "leaves_size,average_price,slippage,created_at,updated_at";

    private CsvExecutions() {
    }

    static String render(List<ExecutionItem> items) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ExecutionItem item : items) {
            csv.append(Stream.of(item.executionId(), item.signalId(), item.deviceId(), text(item.instrument()),
                            item.side(), item.state(), plain(item.signalSize()), plain(item.cumulativeSize()),
                            plain(item.leavesSize()), plain(item.averagePrice()), plain(item.slippage()),
                            item.createdAt(), item.updatedAt())
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
