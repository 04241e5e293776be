package com.tradesignals.execution.status;

import com.tradesignals.execution.ledger.Execution;
import com.tradesignals.execution.ledger.ExecutionFigures;
import com.tradesignals.execution.ledger.ExecutionStore;
import com.tradesignals.execution.ledger.Fill;
import com.tradesignals.execution.ledger.Signal;
import com.tradesignals.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ExecutionStatusService {

    private final Pool database;
    private final ExecutionStore store;

    ExecutionStatusService(Pool database, ExecutionStore store) {
        this.database = database;
        this.store = store;
    }

    /**
     * The signal's executions as its owner sees them, or only the calling device's when {@code onlyDevice} is set.
     * A signal of another user is answered as if it did not exist.
     */
    public Uni<SignalStatus> status(UUID signalId, UUID callerUserId, Optional<UUID> onlyDevice) {
        return store.signal(database, signalId).chain(signal -> {
            if (signal == null || !signal.userId().equals(callerUserId)) {
                throw ProblemException.notFound("Signal");
            }
            return store.executionsOfSignal(database, signalId).chain(all -> {
                List<Execution> visible = all.stream()
                        .filter(execution -> onlyDevice.map(execution.deviceId()::equals).orElse(true))
                        .toList();
                Uni<List<Fill>> theirFills = visible.isEmpty() ? Uni.createFrom().item(List.of())
                        : store.fillsOfExecutions(database, visible.stream().map(Execution::executionId).toList());
                return theirFills.map(allFills -> view(signal, visible, allFills));
            });
        });
    }

    private static SignalStatus view(Signal signal, List<Execution> executions, List<Fill> allFills) {
        return new SignalStatus(signal.signalId(), signal.instrument(), signal.side(), signal.size(), signal.price(),
                signal.issuedAt(), signal.expiresAt(), executions.stream().map(execution -> {
                    List<Fill> itsFills = allFills.stream()
                            .filter(fill -> fill.executionId().equals(execution.executionId())).toList();
                    ExecutionFigures figures = ExecutionFigures.of(itsFills);
                    return new SignalStatus.ExecutionStatus(execution.executionId(), execution.deviceId(),
                            execution.state(), execution.requestedOf(signal), figures.cumulativeSize(),
                            ExecutionFigures.leaves(execution.state(), execution.requestedOf(signal),
                                    figures.cumulativeSize()),
                            figures.averagePrice(), figures.slippage(signal.side(), signal.price()),
                            itsFills.stream().filter(fill -> fill.status().countsForExecution())
                                    .map(Fill::tradeId).toList(),
                            itsFills.stream().map(ExecutionStatusService::view).toList(),
                            execution.acknowledgedAt(), execution.firstFillAt(), execution.lastFillAt(),
                            execution.failedAt(), execution.expiredAt(), execution.errorCode(),
                            execution.errorMessage(), execution.updatedAt());
                }).toList());
    }

    private static SignalStatus.FillView view(Fill fill) {
        return new SignalStatus.FillView(fill.fillId(), fill.tradeId(), fill.size(), fill.commissionableSize(),
                fill.price(), fill.filledAt(), fill.receivedAt(), fill.status(), fill.flagReason(), fill.reviewedAt(),
                fill.reviewReason(), fill.bustedAt(), fill.bustReason());
    }
}
