package com.tradesignals.platform.problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/** Query parameters read by hand so that a bad value is a 400 naming the parameter, not a 404. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The constant named {@code value} in any case, or null without a value. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(name);
        }
    }

    /** An ISO-8601 instant, or null without a value. */
    public static Instant instant(String name, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name);
        }
    }

    /** A UUID, or null without a value. */
    public static UUID uuid(String name, String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name);
        }
    }

    /** Refuses a period whose end ({@code to}) is not after its start; either may be open (null). */
    public static void requirePeriod(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw invalid("to");
        }
    }

    /** The 400 {@code /problems/validation} answer naming the parameter. */
    public static ProblemException invalid(String name) {
        return ProblemException.badRequest("validation", "Invalid request", "Invalid fields: " + name);
    }
}
