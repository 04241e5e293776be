package com.tradesignals.platform.csv;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Lines of a CSV export (RFC 4180, CRLF line ends) that users open in spreadsheets: null is an empty field, a decimal
 * is written plain, a field with a comma, quote or line break is quoted, and text a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe.
 */
public final class CsvLines {

    public static final String MEDIA_TYPE = "text/csv";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvLines() {
    }

    /** One line of {@code values}, its line end included. */
    public static String line(Object... values) {
        return Arrays.stream(values).map(CsvLines::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        if (value instanceof String && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
