package com.tradesignals.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list in a stable order (time, then id). {@code next_cursor} fetches the following page; it is null on the last.
 */
@Schema(description = "One page of a list in a stable order (time, then id)", requiredProperties = "items")
public record Page<T>(
        @Schema(description = "This page's items, in the list's order") List<T> items,
        @Schema(description = "Pass as `cursor` to fetch the following page; null on the last page", nullable = true)
        String nextCursor) {

    /** Builds a page from up to {@code limit + 1} rows: the extra row only tells that there is more. */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, Cursor> cursorOf, Function<R, T> view) {
        boolean hasMore = rows.size() > limit;
        List<R> shown = hasMore ? rows.subList(0, limit) : rows;
        String next = hasMore ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
