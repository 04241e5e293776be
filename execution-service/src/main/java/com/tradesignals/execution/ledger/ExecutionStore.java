package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.devices.DeviceSizing;
import com.tradesignals.contracts.events.executions.DevicesDiverged;
import com.tradesignals.contracts.events.executions.PositionMismatch;
import com.tradesignals.contracts.events.signals.OrderType;
import com.tradesignals.platform.outbox.Outbox;
import com.tradesignals.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one writer of signals, executions, fills and execution reports: every statement and row mapping of these tables,
 * on the reactive SQL client (decisions 0206 and 0014), for every path (device reports, reports reconciled when their
 * signal arrives, busts and reviews, expiry, status). Writes take the caller's transaction ({@link SqlConnection}), so
 * the caller decides what commits together. Inside its transaction a device report costs two round trips of pipelined
 * statements: {@link #read} locks the execution and reads the signal, {@link #write} writes everything that was
 * decided. Whether the report or its trade were received before is found by the inserts themselves (unique keys), not
 * by reading first: retries are rare. Locks are always taken signal first, then execution.
 */
@ApplicationScoped
public class ExecutionStore {

    private static final String SIGNAL_COLUMNS = "signal_id, user_id, instrument, side, order_type, size, price, "
            + "stop_loss, take_profit, issued_at, expires_at, received_at, cancelled_at, commissionable_size, "
            + "closing_commissionable_size";
    private static final String SIGNAL = "select " + SIGNAL_COLUMNS + " from signals where signal_id = $1";
    private static final String LOCK_SIGNAL = SIGNAL + " for no key update";
    /**
     * Serialises, for the rest of the transaction, whoever decides whether a signal is known: a report that finds no
     * signal and waits, and the consumer that stores the signal and reconciles what waits. Without it a report could
     * start waiting just after the reconciliation looked, and wait forever.
     */
    private static final String LOCK_SIGNAL_ID = "select pg_advisory_xact_lock(hashtext($1))";
    private static final String INSERT_SIGNAL = "insert into signals (" + SIGNAL_COLUMNS + ") values ($1, $2, $3, $4, "
            + "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) on conflict (signal_id) do nothing";
    private static final String UPDATE_SIGNAL_LOTS = "update signals set commissionable_size = coalesce($2, "
            + "commissionable_size), closing_commissionable_size = coalesce($3, closing_commissionable_size) "
            + "where signal_id = $1";
    private static final String MODIFY_SIGNAL = "update signals set stop_loss = $2, take_profit = $3, "
            + "price = coalesce($4, price) where signal_id = $1";
    private static final String CANCEL_SIGNAL = "update signals set cancelled_at = $2 where signal_id = $1 "
            + "and cancelled_at is null returning " + SIGNAL_COLUMNS;
    /**
     * Announces once the recent signals on which one of the user's devices filled while another rejected or stayed
     * PENDING since before $3: each gets diverged_at and is answered with who did what.
     */
    private static final String MARK_DIVERGED = "with due as (select s.signal_id from signals s "
            + "where s.diverged_at is null and s.received_at > $2 "
            + "and exists (select 1 from executions f where f.signal_id = s.signal_id and f.cumulative_size > 0) "
            + "and exists (select 1 from executions o where o.signal_id = s.signal_id and (o.state = 'REJECTED' "
            + "or (o.state = 'PENDING' and o.created_at < $3))) order by s.received_at limit $4 "
            + "for update of s skip locked) update signals s set diverged_at = $1 from due "
            + "where s.signal_id = due.signal_id returning s.signal_id, s.user_id, "
            + "array(select device_id from executions where signal_id = s.signal_id and cumulative_size > 0 "
            + "order by device_id) as filled, array(select device_id from executions where signal_id = s.signal_id "
            + "and state = 'REJECTED' order by device_id) as rejected, array(select device_id from executions "
            + "where signal_id = s.signal_id and state = 'PENDING' and created_at < $3 order by device_id) as silent";

    private static final String EXECUTION_COLUMNS = "execution_id, signal_id, device_id, user_id, state, "
            + "cumulative_size, notional, average_price, acknowledged_at, first_fill_at, last_fill_at, failed_at, "
            + "expired_at, error_code, error_message, broker_order_id, placed_at, stop_loss, take_profit, modified_at, "
            + "cancelled_at, cancel_reason, done_at, closed_at, closed_size, exit_notional, realized_pnl, "
            + "reported_profit, requested_size, created_at, updated_at";
    private static final String LOCK_EXECUTION = "select " + EXECUTION_COLUMNS
            + " from executions where signal_id = $1 and device_id = $2 for update";
    private static final String LOCK_EXECUTION_BY_ID = "select " + EXECUTION_COLUMNS
            + " from executions where execution_id = $1 for update";
    private static final String EXECUTIONS_OF_SIGNAL = "select " + EXECUTION_COLUMNS
            + " from executions where signal_id = $1 order by created_at, device_id";
    private static final String CREATE_EXECUTION = "insert into executions (execution_id, signal_id, device_id, "
            + "user_id, state, requested_size, created_at, updated_at) values ($1, $2, $3, $4, 'PENDING', $6, $5, $5) "
            + "on conflict (signal_id, device_id) do nothing";
    private static final String CREATE_EXECUTIONS = "insert into executions (execution_id, signal_id, device_id, "
            + "user_id, state, requested_size, created_at, updated_at) select gen_random_uuid(), $1, device_id, $2, "
            + "'PENDING', requested_size, $3, $3 from unnest($4::uuid[], $5::numeric[]) as asked (device_id, "
            + "requested_size) on conflict (signal_id, device_id) do nothing";
    private static final String SIZING_COLUMNS = "device_id, lot_multiplier, fixed_lots, max_lots";
    // The devices a signal is given to (device-service's fan-out takes the same ones): active, not paused, allowing it.
    private static final String DEVICES_TAKING = "select " + SIZING_COLUMNS + " from known_devices "
            + "where user_id = $1 and is_active and not is_paused "
            + "and (allowed_instruments is null or $2 = any(allowed_instruments)) order by device_id";
    private static final String DEVICE_SIZING = "select " + SIZING_COLUMNS + " from known_devices where device_id = $1";
    private static final String UPDATE_EXECUTION = "update executions set state = $2, cumulative_size = $3, "
            + "notional = $4, average_price = $5, acknowledged_at = $6, first_fill_at = $7, last_fill_at = $8, "
            + "failed_at = $9, expired_at = $10, error_code = $11, error_message = $12, updated_at = $13, "
            + "broker_order_id = $14, placed_at = $15, stop_loss = $16, take_profit = $17, modified_at = $18, "
            + "cancelled_at = $19, cancel_reason = $20, done_at = $21, closed_at = $22, closed_size = $23, "
            + "exit_notional = $24, realized_pnl = $25, reported_profit = $26 where execution_id = $1";
    // Rows a report holds are skipped: that report applies the expiry itself, or the next sweep does.
    private static final String LOCK_DUE_TO_EXPIRE = "select " + prefixed("e.", EXECUTION_COLUMNS) + ", "
            + prefixed("s.", SIGNAL_COLUMNS) + " from executions e join signals s on s.signal_id = e.signal_id "
            + "where e.state in ('PENDING', 'ACKED', 'PLACED', 'PARTIALLY_FILLED') and s.expires_at is not null "
            + "and s.expires_at < $1 order by s.expires_at limit $2 for update of e skip locked";
    private static final String LOCK_PENDING_OF_SIGNAL = "select " + EXECUTION_COLUMNS
            + " from executions where signal_id = $1 and state = 'PENDING' order by device_id for update";
    // The device's open positions, and its executions of the signals its terminal reported (closed ones included).
    private static final String POSITIONS_OF_DEVICE = "select execution_id, signal_id, cumulative_size - closed_size "
            + "as open_lots from executions where device_id = $1 and cumulative_size > closed_size union "
            + "select execution_id, signal_id, cumulative_size - closed_size from executions "
            + "where device_id = $1 and signal_id = any($2)";

    // Newest first on (created_at, execution_id), which never change, so pages stay stable while executions move on.
    private static final String EXECUTIONS_OF_USER = "select " + prefixed("e.", EXECUTION_COLUMNS) + ", "
            + prefixed("s.", SIGNAL_COLUMNS) + " from executions e join signals s on s.signal_id = e.signal_id "
            + "where e.user_id = $1 and ($2::text is null or s.instrument = $2) "
            + "and ($3::text is null or e.state = $3) and ($4::uuid is null or e.device_id = $4) "
            + "and ($5::timestamptz is null or e.created_at >= $5) and ($6::timestamptz is null or e.created_at < $6) "
            + "and ($7::timestamptz is null or (e.created_at, e.execution_id) < ($7, $8)) "
            + "order by e.created_at desc, e.execution_id desc limit $9";

    private static final String FILL_COLUMNS = "fill_id, execution_id, signal_id, device_id, user_id, trade_id, size, "
            + "price, notional, reported_side, commissionable_size, filled_at, received_at, status, flag_reason, "
            + "reviewed_at, reviewed_by, review_reason, busted_at, bust_reason";
    // A new fill has not been reviewed or busted: those columns stay null.
    private static final String INSERT_FILL = "insert into fills (fill_id, execution_id, signal_id, device_id, "
            + "user_id, trade_id, size, price, notional, reported_side, commissionable_size, filled_at, received_at, "
            + "status, flag_reason) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) "
            + "on conflict (execution_id, trade_id) do nothing";
    private static final String UPDATE_FILL = "update fills set commissionable_size = $2, status = $3, "
            + "flag_reason = $4, reviewed_at = $5, reviewed_by = $6, review_reason = $7, busted_at = $8, "
            + "bust_reason = $9 where fill_id = $1";
    private static final String FILL_PLACE = "select signal_id, execution_id from fills where fill_id = $1";
    private static final String FILL = "select " + FILL_COLUMNS + " from fills where fill_id = $1";
    private static final String FILLS_OF_EXECUTIONS = "select " + FILL_COLUMNS
            + " from fills where execution_id = any($1) order by filled_at, fill_id";
    private static final String HAS_TRADE = "select 1 from fills where execution_id = $1 and trade_id = $2";
    private static final String INSERT_CLOSING_FILL = "insert into closing_fills (closing_fill_id, execution_id, "
            + "signal_id, device_id, user_id, ticket, lots, price, realized_pnl, commissionable_size, commission, swap, "
            + "profit, closed_at, received_at, status, flag_reason) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
            + "$11, $12, $13, $14, $15, $16, $17) on conflict (execution_id, ticket) do nothing";
    private static final String HAS_TICKET = "select 1 from closing_fills where execution_id = $1 and ticket = $2";
    private static final String INSERT_MISMATCH = "insert into position_mismatches (id, device_id, user_id, "
            + "signal_id, execution_id, platform_lots, terminal_lots, detected_at) values ($1, $2, $3, $4, $5, $6, $7, "
            + "$8) on conflict (device_id, signal_id, platform_lots, terminal_lots) do nothing";
    // The literal list keeps the partial index fills_awaiting_review usable; $1 narrows it to the statuses asked for.
    private static final String AWAITING_REVIEW = "select " + prefixed("f.", FILL_COLUMNS) + ", "
            + prefixed("s.", SIGNAL_COLUMNS) + " from fills f join signals s on s.signal_id = f.signal_id "
            + "where f.status in ('HELD', 'QUARANTINED', 'FLAGGED') and f.status = any($1) "
            + "and (f.received_at, f.fill_id) > ($2, $3) order by f.received_at, f.fill_id limit $4";

    private static final String REPORT_COLUMNS = "id, device_id, user_id, report_id, report_type, signal_id, "
            + "payload_hash, payload, fill_id, outcome, response_status, response_body, received_at, reconciled_at";
    // A new report has not been reconciled: reconciled_at stays null.
    private static final String INSERT_REPORT = "insert into execution_reports (id, device_id, user_id, report_id, "
            + "report_type, signal_id, payload_hash, payload, fill_id, outcome, response_status, response_body, "
            + "received_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
            + "on conflict (device_id, report_id) do nothing";
    private static final String EARLIER_REPORT = "select " + REPORT_COLUMNS
            + " from execution_reports where device_id = $1 and report_id = $2";
    private static final String REPORTS_AWAITING_SIGNAL = "select " + REPORT_COLUMNS + " from execution_reports "
            + "where signal_id = $1 and outcome = 'AWAITING_SIGNAL' order by received_at, id";
    private static final String RECONCILE_REPORT = "update execution_reports set outcome = $2, reconciled_at = $3, "
            + "response_status = $4, response_body = $5 where id = $1";
    // The outcome is re-checked on the locked row: a report its signal reconciled meanwhile stays applied.
    private static final String GIVE_UP_WAITING_REPORTS = "with due as (select id from execution_reports "
            + "where outcome = 'AWAITING_SIGNAL' and received_at < $2 order by received_at limit $3 "
            + "for update skip locked) update execution_reports r set outcome = 'SIGNAL_NEVER_ARRIVED', "
            + "response_status = 200, response_body = jsonb_set(r.response_body::jsonb, '{outcome}', "
            + "'\"SIGNAL_NEVER_ARRIVED\"')::text, reconciled_at = $1 from due "
            + "where r.id = due.id and r.outcome = 'AWAITING_SIGNAL' returning r.report_type";
    private static final String DELETE_GIVEN_UP_REPORTS = "delete from execution_reports where id in (select id "
            + "from execution_reports where outcome = 'SIGNAL_NEVER_ARRIVED' and reconciled_at < $1 "
            + "order by reconciled_at limit $2 for update skip locked)";
    // Bounded: past the cap the count stays at the cap, the query's cost with it.
    private static final String COUNT_WAITING_FILLS = "select count(*) from (select 1 from execution_reports "
            + "where outcome = 'AWAITING_SIGNAL' and report_type = 'FILL' limit $1) waiting";

    /** What a report is decided on: its signal and its execution, locked; either may be null. */
    public record Snapshot(Signal signal, Execution execution) {
    }

    /** Whether the report, and its fill if it has one, were new (else an earlier one holds the unique key). */
    public record Written(boolean reportIsNew, boolean fillIsNew) {
    }

    /** An execution beside its signal. */
    public record ExecutionAndSignal(Execution execution, Signal signal) {
    }

    /** Which of a user's executions to list; any may be null. {@code from} inclusive, {@code to} exclusive. */
    public record ExecutionFilter(String instrument, ExecutionState state, UUID deviceId, Instant from, Instant to) {
    }

    /** What the platform holds open on one of a device's executions. */
    public record OpenPosition(UUID executionId, UUID signalId, BigDecimal openLots) {
    }

    /** A fill awaiting review beside the signal it was reported against. */
    public record FillAndSignal(Fill fill, Signal signal) {
    }

    private final Outbox outbox;

    ExecutionStore(Outbox outbox) {
        this.outbox = outbox;
    }

    // Signals

    /** Takes the signal id's lock (see {@link #LOCK_SIGNAL_ID}) until the transaction ends. */
    public Uni<Void> lockSignalId(SqlConnection transaction, UUID signalId) {
        return transaction.preparedQuery(LOCK_SIGNAL_ID).execute(Tuple.of(signalId.toString())).replaceWithVoid();
    }

    /** Stores the signal unless it is known already; answers whether it was new. */
    public Uni<Boolean> addSignal(SqlConnection transaction, Signal signal) {
        return transaction.preparedQuery(INSERT_SIGNAL).execute(Tuple.from(new Object[] {signal.signalId(),
                        signal.userId(), signal.instrument(), signal.side().name(), signal.orderType().name(),
                        signal.size(), signal.price(), signal.stopLoss(), signal.takeProfit(), at(signal.issuedAt()),
                        at(signal.expiresAt()), at(signal.receivedAt()), at(signal.cancelledAt()),
                        signal.commissionableSize(), signal.closingCommissionableSize()}))
                .map(result -> result.rowCount() == 1);
    }

    /** The signal's new stop loss and take profit, and a pending order's new price ({@code price} null: kept). */
    public Uni<Void> modifySignal(SqlConnection transaction, UUID signalId, BigDecimal stopLoss,
            BigDecimal takeProfit, BigDecimal price) {
        return transaction.preparedQuery(MODIFY_SIGNAL).execute(Tuple.of(signalId, stopLoss, takeProfit, price))
                .replaceWithVoid();
    }

    /** Marks the signal withdrawn; answers it, or null when it is unknown or was withdrawn before. */
    public Uni<Signal> cancelSignal(SqlConnection transaction, UUID signalId, Instant at) {
        return transaction.preparedQuery(CANCEL_SIGNAL).execute(Tuple.of(signalId, at(at)))
                .map(rows -> first(rows, row -> signalOf(row, "")));
    }

    /**
     * Marks diverged, and answers, at most {@code limit} signals received since {@code receivedSince} on which a
     * device filled while another rejected or has stayed PENDING since before {@code silentSince}.
     */
    public Uni<List<DevicesDiverged>> markDiverged(SqlConnection transaction, Instant now, Instant receivedSince,
            Instant silentSince, int limit) {
        return transaction.preparedQuery(MARK_DIVERGED)
                .execute(Tuple.of(at(now), at(receivedSince), at(silentSince), limit))
                .map(rows -> all(rows, row -> new DevicesDiverged(row.getUUID("signal_id"), row.getUUID("user_id"),
                        List.of(row.getArrayOfUUIDs("filled")), List.of(row.getArrayOfUUIDs("rejected")),
                        List.of(row.getArrayOfUUIDs("silent")), now)));
    }

    public Uni<Signal> signal(SqlClient database, UUID signalId) {
        return database.preparedQuery(SIGNAL).execute(Tuple.of(signalId))
                .map(rows -> first(rows, row -> signalOf(row, "")));
    }

    // Executions

    /**
     * A PENDING execution for each device the signal is given to (active, not paused, allowing its instrument), so
     * that the status shows who has not answered yet, each with the lots {@code requested} gives its sizing.
     */
    public Uni<Void> openForDevicesTaking(SqlConnection transaction, Signal signal, RequestedLots requested,
            Instant now) {
        return transaction.preparedQuery(DEVICES_TAKING).execute(Tuple.of(signal.userId(), signal.instrument()))
                .chain(rows -> {
                    List<UUID> devices = new ArrayList<>(rows.size());
                    List<BigDecimal> lots = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        devices.add(row.getUUID("device_id"));
                        lots.add(requested.of(signal, sizingOf(row)));
                    }
                    return devices.isEmpty() ? Uni.createFrom().voidItem()
                            : transaction.preparedQuery(CREATE_EXECUTIONS).execute(Tuple.of(signal.signalId(),
                                    signal.userId(), at(now), devices.toArray(UUID[]::new),
                                    lots.toArray(BigDecimal[]::new))).replaceWithVoid();
                });
    }

    /**
     * Reads the signal, locked if {@code locksSignal}, and locks the execution of (signal, device) if it exists
     * (SELECT ... FOR UPDATE, held until the transaction ends, so two reports of one execution are decided one after
     * the other), in one round trip. The signal's lock comes first, as everywhere else.
     */
    public Uni<Snapshot> read(SqlConnection transaction, UUID signalId, UUID deviceId, boolean locksSignal) {
        // Subscribed together, the queries are pipelined on the connection.
        Uni<RowSet<Row>> signal = transaction.preparedQuery(locksSignal ? LOCK_SIGNAL : SIGNAL)
                .execute(Tuple.of(signalId));
        Uni<RowSet<Row>> execution = transaction.preparedQuery(LOCK_EXECUTION).execute(Tuple.of(signalId, deviceId));
        return Uni.combine().all().unis(signal, execution).asTuple()
                .map(read -> new Snapshot(first(read.getItem1(), row -> signalOf(row, "")),
                        first(read.getItem2(), row -> executionOf(row, ""))));
    }

    /**
     * The execution of (signal, device), created PENDING if the device has none yet (the first report of a device the
     * signal did not know about), locked.
     */
    public Uni<Execution> openLocked(SqlConnection transaction, Signal signal, UUID deviceId, UUID userId,
            RequestedLots requested, Instant now) {
        return transaction.preparedQuery(DEVICE_SIZING).execute(Tuple.of(deviceId))
                .map(rows -> requested.of(signal, Optional.ofNullable(first(rows, ExecutionStore::sizingOf))
                        .orElse(DeviceSizing.AS_SIGNAL)))
                .chain(lots -> transaction.preparedQuery(CREATE_EXECUTION)
                        .execute(Tuple.of(UUID.randomUUID(), signal.signalId(), deviceId, userId, at(now), lots)))
                .chain(() -> transaction.preparedQuery(LOCK_EXECUTION).execute(Tuple.of(signal.signalId(), deviceId)))
                .map(rows -> first(rows, row -> executionOf(row, "")));
    }

    private static DeviceSizing sizingOf(Row row) {
        return new DeviceSizing(row.getBigDecimal("lot_multiplier"), row.getBigDecimal("fixed_lots"),
                row.getBigDecimal("max_lots"));
    }

    public Uni<List<Execution>> executionsOfSignal(SqlClient database, UUID signalId) {
        return database.preparedQuery(EXECUTIONS_OF_SIGNAL).execute(Tuple.of(signalId))
                .map(rows -> all(rows, row -> executionOf(row, "")));
    }

    /**
     * The user's executions that pass {@code filter} with their signals, newest created first, after the given
     * position (created_at, execution id) if any; at most {@code limit}.
     */
    public Uni<List<ExecutionAndSignal>> executionsOfUser(SqlClient database, UUID userId, ExecutionFilter filter,
            Instant afterCreatedAt, UUID afterExecutionId, int limit) {
        return database.preparedQuery(EXECUTIONS_OF_USER).execute(Tuple.from(new Object[] {userId,
                        filter.instrument(), filter.state() == null ? null : filter.state().name(), filter.deviceId(),
                        at(filter.from()), at(filter.to()), at(afterCreatedAt), afterExecutionId, limit}))
                .map(rows -> all(rows, row -> new ExecutionAndSignal(executionOf(row, "e."), signalOf(row, "s."))));
    }

    /**
     * Locks, oldest expiry first, at most {@code limit} executions whose order still works and whose signal expired
     * before {@code expiredBefore}, with their signals; rows a report holds are skipped.
     */
    public Uni<List<ExecutionAndSignal>> lockDueToExpire(SqlConnection transaction, Instant expiredBefore,
            int limit) {
        return transaction.preparedQuery(LOCK_DUE_TO_EXPIRE).execute(Tuple.of(at(expiredBefore), limit))
                .map(rows -> all(rows, row -> new ExecutionAndSignal(executionOf(row, "e."), signalOf(row, "s."))));
    }

    /** The signal's PENDING executions (devices that never acted on it), locked. */
    public Uni<List<Execution>> lockPendingOfSignal(SqlConnection transaction, UUID signalId) {
        return transaction.preparedQuery(LOCK_PENDING_OF_SIGNAL).execute(Tuple.of(signalId))
                .map(rows -> all(rows, row -> executionOf(row, "")));
    }

    /** The device's open positions and its executions of {@code signalIds}, whatever they hold. */
    public Uni<List<OpenPosition>> positionsOfDevice(SqlClient database, UUID deviceId, Collection<UUID> signalIds) {
        return database.preparedQuery(POSITIONS_OF_DEVICE)
                .execute(Tuple.of(deviceId, (Object) signalIds.toArray(UUID[]::new)))
                .map(rows -> all(rows, row -> new OpenPosition(row.getUUID("execution_id"), row.getUUID("signal_id"),
                        row.getBigDecimal("open_lots"))));
    }

    /** Records a snapshot's disagreement and its event unless the same one was flagged before; answers whether new. */
    public Uni<Boolean> flagMismatch(SqlConnection transaction, PositionMismatch mismatch) {
        return transaction.preparedQuery(INSERT_MISMATCH).execute(Tuple.from(new Object[] {UUID.randomUUID(),
                        mismatch.deviceId(), mismatch.userId(), mismatch.signalId(), mismatch.executionId(),
                        mismatch.platformLots(), mismatch.terminalLots(), at(mismatch.detectedAt())}))
                .chain(result -> result.rowCount() == 0 ? Uni.createFrom().item(false)
                        : outbox.add(transaction, mismatch).replaceWith(true));
    }

    // Fills

    /** Whether this execution already has a fill (of any status) with this trade id: one indexed probe. */
    public Uni<Boolean> hasTrade(SqlConnection transaction, UUID executionId, String tradeId) {
        return transaction.preparedQuery(HAS_TRADE).execute(Tuple.of(executionId, tradeId)).map(rows -> rows.size() > 0);
    }

    /** Whether this execution already has a closing fill (of any status) with this ticket. */
    public Uni<Boolean> hasTicket(SqlConnection transaction, UUID executionId, String ticket) {
        return transaction.preparedQuery(HAS_TICKET).execute(Tuple.of(executionId, ticket)).map(rows -> rows.size() > 0);
    }

    public Uni<List<Fill>> fillsOfExecutions(SqlClient database, Collection<UUID> executionIds) {
        return database.preparedQuery(FILLS_OF_EXECUTIONS).execute(Tuple.of((Object) executionIds.toArray(UUID[]::new)))
                .map(rows -> all(rows, row -> fillOf(row, "")));
    }

    /** Fills of {@code statuses} awaiting review with their signals, oldest first, after the given position if any. */
    public Uni<List<FillAndSignal>> awaitingReview(SqlClient database, Collection<FillStatus> statuses,
            Instant afterReceivedAt, UUID afterFillId, int limit) {
        String[] names = statuses.stream().map(FillStatus::name).toArray(String[]::new);
        return database.preparedQuery(AWAITING_REVIEW).execute(Tuple.of(names,
                        at(afterReceivedAt == null ? Instant.EPOCH : afterReceivedAt),
                        afterFillId == null ? new UUID(0, 0) : afterFillId, limit))
                .map(rows -> all(rows, row -> new FillAndSignal(fillOf(row, "f."), signalOf(row, "s."))));
    }

    /**
     * The fill with its signal and execution locked (in that order, as device reports take them) and every fill of
     * that execution, read under the locks so that a concurrent correction of the same fill is seen; 404 if there is
     * no such fill.
     */
    public Uni<LockedFill> lockForCorrection(SqlConnection transaction, UUID fillId) {
        return transaction.preparedQuery(FILL_PLACE).execute(Tuple.of(fillId)).chain(place -> {
            Row found = first(place, Function.identity());
            if (found == null) {
                throw ProblemException.notFound("Fill");
            }
            UUID executionId = found.getUUID("execution_id");
            // Pipelined, and run in this order by the server: the locks, then the reads under them.
            Uni<RowSet<Row>> signal = transaction.preparedQuery(LOCK_SIGNAL).execute(Tuple.of(found.getUUID("signal_id")));
            Uni<RowSet<Row>> execution = transaction.preparedQuery(LOCK_EXECUTION_BY_ID).execute(Tuple.of(executionId));
            Uni<RowSet<Row>> fill = transaction.preparedQuery(FILL).execute(Tuple.of(fillId));
            Uni<RowSet<Row>> fillsOfExecution = transaction.preparedQuery(FILLS_OF_EXECUTIONS)
                    .execute(Tuple.of((Object) new UUID[] {executionId}));
            return Uni.combine().all().unis(signal, execution, fill, fillsOfExecution).asTuple()
                    .map(read -> new LockedFill(first(read.getItem3(), row -> fillOf(row, "")),
                            first(read.getItem1(), row -> signalOf(row, "")),
                            first(read.getItem2(), row -> executionOf(row, "")),
                            all(read.getItem4(), row -> fillOf(row, ""))));
        });
    }

    // Reports

    /** The report this device sent earlier under {@code reportId}, committed; null if none. */
    public Uni<ReceivedReport> earlierReport(SqlClient database, UUID deviceId, String reportId) {
        return database.preparedQuery(EARLIER_REPORT).execute(Tuple.of(deviceId, reportId))
                .map(rows -> first(rows, ExecutionStore::reportOf));
    }

    /** Reports that arrived before their signal, oldest first. */
    public Uni<List<ReceivedReport>> awaitingSignal(SqlConnection transaction, UUID signalId) {
        return transaction.preparedQuery(REPORTS_AWAITING_SIGNAL).execute(Tuple.of(signalId))
                .map(rows -> all(rows, ExecutionStore::reportOf));
    }

    /**
     * Gives up, oldest first, at most {@code limit} reports that have waited for their signal since before
     * {@code waitingSince}: their stored answer says SIGNAL_NEVER_ARRIVED. Answers the type of each.
     */
    public Uni<List<ReportType>> giveUpWaitingReports(SqlClient database, Instant now, Instant waitingSince,
            int limit) {
        return database.preparedQuery(GIVE_UP_WAITING_REPORTS).execute(Tuple.of(at(now), at(waitingSince), limit))
                .map(rows -> all(rows, row -> ReportType.valueOf(row.getString("report_type"))));
    }

    /** Deletes, oldest first, at most {@code limit} reports given up before {@code givenUpBefore}; answers how many. */
    public Uni<Integer> deleteGivenUpReports(SqlClient database, Instant givenUpBefore, int limit) {
        return database.preparedQuery(DELETE_GIVEN_UP_REPORTS).execute(Tuple.of(at(givenUpBefore), limit))
                .map(RowSet::rowCount);
    }

    /** How many fill reports wait for their signal, counted up to {@code cap}. */
    public Uni<Long> countWaitingFills(SqlClient database, int cap) {
        return database.preparedQuery(COUNT_WAITING_FILLS).execute(Tuple.of(cap))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    // Writing what the ledger decided

    /**
     * Writes, pipelined, the new report, the fill and event of {@code change}, the execution (if any) and the
     * signal's commissionable lots if they changed. The caller rolls back unless both the report and the fill were
     * new.
     */
    public Uni<Written> write(SqlConnection transaction, LedgerChange change, ReceivedReport report) {
        Uni<Boolean> reportIsNew = transaction.preparedQuery(INSERT_REPORT).execute(reportRow(report))
                .map(result -> result.rowCount() == 1);
        Uni<Boolean> fillIsNew = insertFill(transaction, change);
        Uni<Void> rest = writeRest(transaction, change.execution(), change.signalCommissionableSize(),
                change.signalClosingCommissionableSize(), change.events());
        return Uni.combine().all().unis(reportIsNew, fillIsNew, rest).asTuple()
                .map(written -> new Written(written.getItem1(), written.getItem2()));
    }

    /**
     * Writes, pipelined, what a report that waited for its signal did: its outcome and the answer a retry of it now
     * gets, and as {@link #write} the rest of {@code change}. Its trade was checked first ({@link #hasTrade}) under the
     * execution's lock.
     */
    public Uni<Void> writeReconciled(SqlConnection transaction, ReceivedReport waited, LedgerChange change,
            Instant now, int responseStatus, String responseBody) {
        return Uni.combine().all().unis(
                        transaction.preparedQuery(RECONCILE_REPORT).execute(Tuple.of(waited.id(),
                                change.outcome().name(), at(now), responseStatus, responseBody)),
                        insertFill(transaction, change),
                        writeRest(transaction, change.execution(), change.signalCommissionableSize(),
                                change.signalClosingCommissionableSize(), change.events()))
                .discardItems();
    }

    /** Writes, pipelined, a change that stores no report and no fill: the execution and its events. */
    public Uni<Void> writeChange(SqlConnection transaction, LedgerChange change) {
        return writeRest(transaction, change.execution(), change.signalCommissionableSize(),
                change.signalClosingCommissionableSize(), change.events());
    }

    /** Writes, pipelined, an administrator's correction: the fill, its execution, the signal's lots and the event. */
    public Uni<Void> writeCorrection(SqlConnection transaction, Correction correction) {
        Fill fill = correction.fill();
        return Uni.combine().all().unis(
                        transaction.preparedQuery(UPDATE_FILL).execute(Tuple.from(new Object[] {fill.fillId(),
                                fill.commissionableSize(), fill.status().name(), fill.flagReason(),
                                at(fill.reviewedAt()), fill.reviewedBy(), fill.reviewReason(), at(fill.bustedAt()),
                                fill.bustReason()})),
                        writeRest(transaction, correction.execution(), correction.signalCommissionableSize(), null,
                                correction.event() == null ? List.of() : List.of(correction.event())))
                .discardItems();
    }

    /** Inserts the change's fill or closing fill, if any; answers whether it was new. */
    private Uni<Boolean> insertFill(SqlConnection transaction, LedgerChange change) {
        if (change.fill() != null) {
            return transaction.preparedQuery(INSERT_FILL).execute(fillRow(change.fill()))
                    .map(result -> result.rowCount() == 1);
        }
        if (change.closingFill() != null) {
            return transaction.preparedQuery(INSERT_CLOSING_FILL).execute(closingFillRow(change.closingFill()))
                    .map(result -> result.rowCount() == 1);
        }
        return Uni.createFrom().item(true);
    }

    private Uni<Void> writeRest(SqlConnection transaction, Execution execution, BigDecimal signalCommissionableSize,
            BigDecimal signalClosingCommissionableSize, List<IntegrationEvent> events) {
        List<Uni<Void>> writes = new ArrayList<>(2 + events.size());
        if (execution != null) {
            writes.add(transaction.preparedQuery(UPDATE_EXECUTION).execute(executionRow(execution)).replaceWithVoid());
        }
        if (signalCommissionableSize != null || signalClosingCommissionableSize != null) {
            writes.add(transaction.preparedQuery(UPDATE_SIGNAL_LOTS).execute(Tuple.of(execution.signalId(),
                    signalCommissionableSize, signalClosingCommissionableSize)).replaceWithVoid());
        }
        for (IntegrationEvent event : events) {
            writes.add(outbox.add(transaction, event));
        }
        return writes.isEmpty() ? Uni.createFrom().voidItem() : Uni.combine().all().unis(writes).discardItems();
    }

    // Row mappings

    private static <T> T first(RowSet<Row> rows, Function<Row, T> mapper) {
        Iterator<Row> found = rows.iterator();
        return found.hasNext() ? mapper.apply(found.next()) : null;
    }

    private static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> mapped = new ArrayList<>(rows.size());
        for (Row row : rows) {
            mapped.add(mapper.apply(row));
        }
        return mapped;
    }

    /** The columns, each with {@code alias}, e.g. "f.fill_id as "f.fill_id"", so that joined rows map alike. */
    private static String prefixed(String alias, String columns) {
        return String.join(", ", Arrays.stream(columns.split(", "))
                .map(column -> alias + column + " as \"" + alias + column + "\"").toList());
    }

    private static Signal signalOf(Row row, String alias) {
        return new Signal(row.getUUID(alias + "signal_id"), row.getUUID(alias + "user_id"),
                row.getString(alias + "instrument"), Side.valueOf(row.getString(alias + "side")),
                OrderType.valueOf(row.getString(alias + "order_type")), row.getBigDecimal(alias + "size"),
                row.getBigDecimal(alias + "price"), row.getBigDecimal(alias + "stop_loss"),
                row.getBigDecimal(alias + "take_profit"), instant(row.getOffsetDateTime(alias + "issued_at")),
                instant(row.getOffsetDateTime(alias + "expires_at")), instant(row.getOffsetDateTime(alias + "received_at")),
                instant(row.getOffsetDateTime(alias + "cancelled_at")), row.getBigDecimal(alias + "commissionable_size"),
                row.getBigDecimal(alias + "closing_commissionable_size"));
    }

    private static Execution executionOf(Row row, String alias) {
        return new Execution(row.getUUID(alias + "execution_id"), row.getUUID(alias + "signal_id"),
                row.getUUID(alias + "device_id"), row.getUUID(alias + "user_id"),
                ExecutionState.valueOf(row.getString(alias + "state")), row.getBigDecimal(alias + "cumulative_size"),
                row.getBigDecimal(alias + "notional"), row.getBigDecimal(alias + "average_price"),
                instant(row.getOffsetDateTime(alias + "acknowledged_at")),
                instant(row.getOffsetDateTime(alias + "first_fill_at")),
                instant(row.getOffsetDateTime(alias + "last_fill_at")),
                instant(row.getOffsetDateTime(alias + "failed_at")),
                instant(row.getOffsetDateTime(alias + "expired_at")), row.getInteger(alias + "error_code"),
                row.getString(alias + "error_message"), row.getBigDecimal(alias + "requested_size"),
                new Execution.Order(row.getString(alias + "broker_order_id"),
                        instant(row.getOffsetDateTime(alias + "placed_at")), row.getBigDecimal(alias + "stop_loss"),
                        row.getBigDecimal(alias + "take_profit"), instant(row.getOffsetDateTime(alias + "modified_at")),
                        instant(row.getOffsetDateTime(alias + "cancelled_at")), row.getString(alias + "cancel_reason"),
                        instant(row.getOffsetDateTime(alias + "done_at")),
                        instant(row.getOffsetDateTime(alias + "closed_at"))),
                new Position(row.getBigDecimal(alias + "closed_size"), row.getBigDecimal(alias + "exit_notional"),
                        row.getBigDecimal(alias + "realized_pnl"), row.getBigDecimal(alias + "reported_profit")),
                instant(row.getOffsetDateTime(alias + "created_at")), instant(row.getOffsetDateTime(alias + "updated_at")));
    }

    private static Fill fillOf(Row row, String alias) {
        String reportedSide = row.getString(alias + "reported_side");
        return new Fill(row.getUUID(alias + "fill_id"), row.getUUID(alias + "execution_id"),
                row.getUUID(alias + "signal_id"), row.getUUID(alias + "device_id"), row.getUUID(alias + "user_id"),
                row.getString(alias + "trade_id"), row.getBigDecimal(alias + "size"), row.getBigDecimal(alias + "price"),
                row.getBigDecimal(alias + "notional"), reportedSide == null ? null : Side.valueOf(reportedSide),
                row.getBigDecimal(alias + "commissionable_size"), instant(row.getOffsetDateTime(alias + "filled_at")),
                instant(row.getOffsetDateTime(alias + "received_at")), FillStatus.valueOf(row.getString(alias + "status")),
                row.getString(alias + "flag_reason"), instant(row.getOffsetDateTime(alias + "reviewed_at")),
                row.getUUID(alias + "reviewed_by"), row.getString(alias + "review_reason"),
                instant(row.getOffsetDateTime(alias + "busted_at")), row.getString(alias + "bust_reason"));
    }

    private static ReceivedReport reportOf(Row row) {
        return new ReceivedReport(row.getUUID("id"), row.getUUID("device_id"), row.getUUID("user_id"),
                row.getString("report_id"), ReportType.valueOf(row.getString("report_type")), row.getUUID("signal_id"),
                row.getString("payload_hash"), row.getString("payload"), row.getUUID("fill_id"),
                Outcome.valueOf(row.getString("outcome")), row.getInteger("response_status"),
                row.getString("response_body"), instant(row.getOffsetDateTime("received_at")),
                instant(row.getOffsetDateTime("reconciled_at")));
    }

    private static Tuple executionRow(Execution execution) {
        Execution.Order order = execution.order();
        Position position = execution.position();
        return Tuple.from(new Object[] {execution.executionId(), execution.state().name(), execution.cumulativeSize(),
                execution.notional(), execution.averagePrice(), at(execution.acknowledgedAt()),
                at(execution.firstFillAt()), at(execution.lastFillAt()), at(execution.failedAt()),
                at(execution.expiredAt()), execution.errorCode(), execution.errorMessage(), at(execution.updatedAt()),
                order.brokerOrderId(), at(order.placedAt()), order.stopLoss(), order.takeProfit(),
                at(order.modifiedAt()), at(order.cancelledAt()), order.cancelReason(), at(order.doneAt()),
                at(order.closedAt()), position.closedSize(), position.exitNotional(), position.realizedPnl(),
                position.reportedProfit()});
    }

    private static Tuple closingFillRow(ClosingFill close) {
        return Tuple.from(new Object[] {close.closingFillId(), close.executionId(), close.signalId(), close.deviceId(),
                close.userId(), close.ticket(), close.lots(), close.price(), close.realizedPnl(),
                close.commissionableSize(), close.commission(), close.swap(), close.profit(), at(close.closedAt()),
                at(close.receivedAt()), close.status().name(), close.flagReason()});
    }

    private static Tuple fillRow(Fill fill) {
        return Tuple.from(new Object[] {fill.fillId(), fill.executionId(), fill.signalId(), fill.deviceId(),
                fill.userId(), fill.tradeId(), fill.size(), fill.price(), fill.notional(),
                fill.reportedSide() == null ? null : fill.reportedSide().name(), fill.commissionableSize(),
                at(fill.filledAt()), at(fill.receivedAt()), fill.status().name(), fill.flagReason()});
    }

    private static Tuple reportRow(ReceivedReport report) {
        return Tuple.from(new Object[] {report.id(), report.deviceId(), report.userId(), report.reportId(),
                report.reportType().name(), report.signalId(), report.payloadHash(), report.payload(), report.fillId(),
                report.outcome().name(), report.responseStatus(), report.responseBody(), at(report.receivedAt())});
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
