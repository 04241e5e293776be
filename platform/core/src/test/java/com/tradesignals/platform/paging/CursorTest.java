package com.tradesignals.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tradesignals.platform.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The paging cursor and page as tables: what a cursor looks like, what comes back, and what is refused. */
class CursorTest {

    /** Encodings computed outside Java: base64url, unpadded, of {@code <epoch micros>:<uuid>}. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # at                           | id                                   | encoded
            1970-01-01T00:00:00Z           | 00000000-0000-0000-0000-000000000000 | MDowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA
            2026-11-30T12:00:00.123456Z    | 6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b | MTc5NjA0MDAwMDEyMzQ1Njo2ZjFjMmE4ZS0zYjRkLTRlNWYtOWEwYi0xYzJkM2U0ZjVhNmI
            1969-12-31T23:59:59.999999Z    | ffffffff-ffff-ffff-ffff-ffffffffffff | LTE6ZmZmZmZmZmYtZmZmZi1mZmZmLWZmZmYtZmZmZmZmZmZmZmZm
            """)
    void aCursorIsTheBase64urlOfItsMicrosAndId(Instant at, UUID id, String encoded) {
        assertThat(Cursor.after(at, id).encode()).isEqualTo(encoded);
        assertThat(Cursor.decode(encoded)).isEqualTo(new Cursor(at, id));
    }

    /** Any instant whose epoch microseconds fit in a long comes back, truncated to the microsecond. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # at                               | decoded at
            2026-11-30T12:00:00Z               | 2026-11-30T12:00:00Z
            2026-11-30T12:00:00.000001Z        | 2026-11-30T12:00:00.000001Z
            2026-11-30T12:00:00.999999Z        | 2026-11-30T12:00:00.999999Z
            2026-11-30T12:00:00.123456789Z     | 2026-11-30T12:00:00.123456Z
            2026-11-30T12:00:00.000000999Z     | 2026-11-30T12:00:00Z
            1969-12-31T23:59:59.999999999Z     | 1969-12-31T23:59:59.999999Z
            1900-01-01T00:00:00.5Z             | 1900-01-01T00:00:00.5Z
            1677-09-21T00:12:43.145225Z        | 1677-09-21T00:12:43.145225Z
            2262-04-11T23:47:16.854775Z        | 2262-04-11T23:47:16.854775Z
            1500-01-01T00:00:00.000001Z        | 1500-01-01T00:00:00.000001Z
            3000-01-01T00:00:00.000001Z        | 3000-01-01T00:00:00.000001Z
            """)
    void aCursorComesBackToTheMicrosecondTruncatingFinerTime(Instant at, Instant decodedAt) {
        UUID id = UUID.randomUUID();

        String encoded = Cursor.after(at, id).encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(encoded)).isEqualTo(new Cursor(decodedAt, id));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = { " ", "\t" })
    void noCursorIsTheFirstPage(String encoded) {
        assertThat(Cursor.decode(encoded)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                   | encoded
            not base64                               | !!!!
            standard base64 with + and /             | ab+/cd
            a single character                       | M
            text without a separator ("abc")         | YWJj
            micros only ("12")                       | MTI
            micros and an empty id ("12:")           | MTI6
            an id that is no UUID ("12:not-a-uuid")  | MTI6bm90LWEtdXVpZA
            micros that are a word ("x:<uuid>")      | eDo2ZjFjMmE4ZS0zYjRkLTRlNWYtOWEwYi0xYzJkM2U0ZjVhNmI
            no micros (":<uuid>")                    | OjZmMWMyYThlLTNiNGQtNGU1Zi05YTBiLTFjMmQzZTRmNWE2Yg
            micros with a fraction ("1.5:<uuid>")    | MS41OjZmMWMyYThlLTNiNGQtNGU1Zi05YTBiLTFjMmQzZTRmNWE2Yg
            micros beyond a long (Long.MAX_VALUE+1)  | OTIyMzM3MjAzNjg1NDc3NTgwODo2ZjFjMmE4ZS0zYjRkLTRlNWYtOWEwYi0xYzJkM2U0ZjVhNmI
            a part after the id ("12:<uuid>:x")      | MTI6NmYxYzJhOGUtM2I0ZC00ZTVmLTlhMGItMWMyZDNlNGY1YTZiOng
            """)
    void aMalformedCursorIsAValidationProblem(String description, String encoded) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> Cursor.decode(encoded));

        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.status().getStatusCode()).isEqualTo(400);
        assertThat(problem.slug()).isEqualTo("validation");
        assertThat(problem.getMessage()).isEqualTo("Invalid fields: cursor");
    }

    /** Rows are read with {@code limit + 1}: the extra row only tells that there is a next page. */
    @ParameterizedTest(name = "{0} rows, limit {1}")
    @CsvSource({
            "0, 10, 0, false",
            "1, 10, 1, false",
            "10, 10, 10, false",
            "11, 10, 10, true",
            "2, 1, 1, true",
            "1, 1, 1, false",
    })
    void aPageShowsUpToTheLimitAndPointsAfterItsLastRow(int rowCount, int limit, int shown, boolean hasNext) {
        Instant start = Instant.parse("2026-11-30T12:00:00Z");
        List<Cursor> rows = IntStream.range(0, rowCount)
                .mapToObj(index -> Cursor.after(start.plusSeconds(index), UUID.randomUUID())).toList();

        Page<UUID> page = Page.of(rows, limit, row -> row, Cursor::id);

        assertThat(page.items()).containsExactlyElementsOf(rows.stream().limit(shown).map(Cursor::id).toList());
        if (hasNext) {
            assertThat(Cursor.decode(page.nextCursor())).isEqualTo(rows.get(shown - 1));
        } else {
            assertThat(page.nextCursor()).isNull();
        }
    }
}
