package com.tradesignals.affiliate.commission;

import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.paging.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** What administrators see of the fills the fee schedule could not price. */
@ApplicationScoped
public class UnpricedFillService {

    private final UnpricedFillRepository unpricedFills;

    UnpricedFillService(UnpricedFillRepository unpricedFills) {
        this.unpricedFills = unpricedFills;
    }

    /** Newest first; {@code reason} (a {@link UnpricedReason} or null for all) filters. */
    @WithSession
    public Uni<Page<UnpricedFillView>> page(UnpricedReason reason, Cursor after, int limit) {
        return unpricedFills.page(reason == null ? null : reason.code(), after == null ? null : after.at(),
                        after == null ? null : after.id(), limit + 1)
                .map(rows -> Page.of(rows, limit, row -> Cursor.after(row.recordedAt, row.fillId),
                        UnpricedFillView::of));
    }
}
