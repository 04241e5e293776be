package com.tradesignals.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list in a stable order (time, then id). {@code next_cursor} fetches the following page; it is null on the last.
 */
public record Page<T>(List<T> items, String nextCursor) {

    /** Builds a page from up to {@code limit + 1} rows: the extra row only tells that there is more. */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, Cursor> cursorOf, Function<R, T> view) {
        boolean hasMore = rows.size() > limit;
        List<R> shown = hasMore ? rows.subList(0, limit) : rows;
        String next = hasMore ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
