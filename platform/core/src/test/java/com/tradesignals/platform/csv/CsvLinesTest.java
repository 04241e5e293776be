package com.tradesignals.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

/** What a spreadsheet reads from an export: quoting, formulas, empty fields and plain decimals. */
class CsvLinesTest {

    @ParameterizedTest(name = "[{0}] is written [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            # text                  | field
            EURUSD                  | EURUSD
            GER40.cash              | GER40.cash
            a,b                     | "a,b"
            say "hi"                | "say ""hi""\"
            =SUM(A1:A2)             | '=SUM(A1:A2)
            +1                      | '+1
            -1                      | '-1
            @cmd                    | '@cmd
            =1,2                    | "'=1,2"
            """)
    void textIsQuotedWhereNeededAndNeverRunAsAFormula(String text, String field) {
        assertThat(CsvLines.line(text)).isEqualTo(field + "\r\n");
    }

    @ParameterizedTest
    @NullSource
    void nullIsAnEmptyField(String nothing) {
        assertThat(CsvLines.line("a", nothing, "b")).isEqualTo("a,,b\r\n");
    }

    @Test
    void decimalsArePlainAndOtherValuesAsTheyPrintNegativeNumbersIncluded() {
        UUID id = UUID.fromString("6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b");
        assertThat(CsvLines.line(new BigDecimal("1E-8"), new BigDecimal("-0.50"), id,
                Instant.parse("2026-11-30T12:00:00Z"), 3))
                .isEqualTo("0.00000001,-0.50," + id + ",2026-11-30T12:00:00Z,3\r\n");
    }
}
