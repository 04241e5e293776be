package com.tradesignals.execution.history;

import com.tradesignals.execution.ExecutionConfig;
import com.tradesignals.execution.ledger.Execution;
import com.tradesignals.execution.ledger.ExecutionFigures;
import com.tradesignals.execution.ledger.ExecutionStore;
import com.tradesignals.execution.ledger.ExecutionStore.ExecutionFilter;
import com.tradesignals.execution.ledger.Signal;
import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.paging.Page;
import com.tradesignals.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** What a user reads of their executions: the filtered history, page by page or whole as CSV, and signal summaries. */
@ApplicationScoped
public class ExecutionHistoryService {

    private final Pool database;
    private final ExecutionStore store;
    private final ExecutionConfig config;

    ExecutionHistoryService(Pool database, ExecutionStore store, ExecutionConfig config) {
        this.database = database;
        this.store = store;
        this.config = config;
    }

    /** One page of the user's executions, newest created first. */
    public Uni<Page<ExecutionItem>> history(UUID userId, ExecutionFilter filter, Cursor after, int limit) {
        return store.executionsOfUser(database, userId, filter, after == null ? null : after.at(),
                        after == null ? null : after.id(), limit + 1)
                .map(rows -> Page.of(rows, limit,
                        row -> Cursor.after(row.execution().createdAt(), row.execution().executionId()),
                        ExecutionItem::of));
    }

    /** The whole filtered history for a CSV export; more than {@code execution.csv-max-rows} is a 400. */
    public Uni<List<ExecutionItem>> export(UUID userId, ExecutionFilter filter) {
        int maximum = config.csvMaxRows();
        return store.executionsOfUser(database, userId, filter, null, null, maximum + 1).map(rows -> {
            if (rows.size() > maximum) {
                throw ProblemException.badRequest("export-too-large", "Export too large", "An export holds at most "
                        + maximum + " executions; choose a shorter period (from, to)");
            }
            return rows.stream().map(ExecutionItem::of).toList();
        });
    }

    /**
     * The signal and what each device that acted on it (acknowledged, filled or failed) made of it. A signal of
     * another user is answered as if it did not exist.
     */
    public Uni<SignalSummary> summary(UUID signalId, UUID callerUserId) {
        return store.signal(database, signalId).chain(signal -> {
            if (signal == null || !signal.userId().equals(callerUserId)) {
                throw ProblemException.notFound("Signal");
            }
            return store.executionsOfSignal(database, signalId).map(executions -> summary(signal, executions));
        });
    }

    private static SignalSummary summary(Signal signal, List<Execution> executions) {
        List<Execution> acted = executions.stream().filter(ExecutionHistoryService::acted).toList();
        ExecutionFigures total = ExecutionFigures.ofTotals(BigDecimal.ZERO, BigDecimal.ZERO);
        for (Execution execution : acted) {
            total = total.plus(zeroIfNull(execution.cumulativeSize()), zeroIfNull(execution.notional()));
        }
        List<SignalSummary.DeviceSummary> devices = acted.stream().map(execution -> {
            ExecutionFigures figures = ExecutionFigures.ofTotals(execution.cumulativeSize(), execution.notional());
            return new SignalSummary.DeviceSummary(execution.deviceId(), execution.executionId(), execution.state(),
                    figures.cumulativeSize(), figures.averagePrice(), figures.slippage(signal.side(), signal.price()),
                    execution.position().closedSize(), execution.position().averageExitPrice(),
                    execution.position().realizedPnl(), execution.updatedAt());
        }).toList();
        BigDecimal realizedPnl = acted.stream().map(execution -> execution.position().realizedPnl())
                .filter(Objects::nonNull).reduce(BigDecimal::add).orElse(null);
        return new SignalSummary(signal.signalId(), signal.instrument(), signal.side(), signal.size(), signal.price(),
                signal.issuedAt(), devices, total.cumulativeSize(), total.averagePrice(),
                total.slippage(signal.side(), signal.price()), realizedPnl);
    }

    private static boolean acted(Execution execution) {
        return execution.acknowledgedAt() != null || execution.firstFillAt() != null || execution.failedAt() != null
                || execution.order().placedAt() != null;
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
