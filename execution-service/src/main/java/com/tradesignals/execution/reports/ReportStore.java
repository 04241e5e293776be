package com.tradesignals.execution.reports;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.execution.ledger.Execution;
import com.tradesignals.execution.ledger.ExecutionState;
import com.tradesignals.execution.ledger.Fill;
import com.tradesignals.execution.ledger.LedgerChange;
import com.tradesignals.execution.signals.Signal;
import com.tradesignals.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.UUID;
import java.util.function.Function;

/**
 * The statements of a device report, on the reactive SQL client (decision 0206). Inside its transaction a report
 * costs two round trips of pipelined statements: {@link #read} locks the execution and reads the signal,
 * {@link #write} writes everything that was decided. Whether the report or its trade were received before is found
 * by the inserts themselves (unique keys), not by reading first: retries are rare.
 */
@ApplicationScoped
class ReportStore {

    private static final String SIGNAL = "select signal_id, user_id, instrument, side, size, price, issued_at, "
            + "expires_at, received_at, commissionable_size from signals where signal_id = $1";
    private static final String LOCK_SIGNAL = SIGNAL + " for no key update";
    private static final String UPDATE_SIGNAL = "update signals set commissionable_size = $2 where signal_id = $1";
    private static final String EXECUTION_COLUMNS = "execution_id, signal_id, device_id, user_id, state, "
            + "cumulative_size, notional, average_price, acknowledged_at, first_fill_at, last_fill_at, failed_at, "
            + "expired_at, error_code, error_message, created_at, updated_at";
    private static final String LOCK_EXECUTION = "select " + EXECUTION_COLUMNS
            + " from executions where signal_id = $1 and device_id = $2 for update";
    private static final String CREATE_EXECUTION = "insert into executions (execution_id, signal_id, device_id, "
            + "user_id, state, created_at, updated_at) values ($1, $2, $3, $4, 'PENDING', $5, $5) "
            + "on conflict (signal_id, device_id) do nothing";
    private static final String EARLIER_REPORT = "select payload_hash, response_status, response_body "
            + "from execution_reports where device_id = $1 and report_id = $2";
    // The same lock as SignalRepository#lockSignalId, taken by the consumer that stores the signal.
    private static final String LOCK_SIGNAL_ID = "select pg_advisory_xact_lock(hashtext($1))";
    private static final String UPDATE_EXECUTION = "update executions set state = $2, cumulative_size = $3, "
            + "notional = $4, average_price = $5, acknowledged_at = $6, first_fill_at = $7, last_fill_at = $8, "
            + "failed_at = $9, expired_at = $10, error_code = $11, error_message = $12, updated_at = $13 "
            + "where execution_id = $1";
    private static final String INSERT_FILL = "insert into fills (fill_id, execution_id, signal_id, device_id, "
            + "user_id, trade_id, size, price, notional, filled_at, received_at, status, flag_reason, reported_side, "
            + "commissionable_size) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) "
            + "on conflict (execution_id, trade_id) do nothing";
    private static final String INSERT_REPORT = "insert into execution_reports (id, device_id, user_id, report_id, "
            + "report_type, signal_id, payload_hash, payload, fill_id, outcome, response_status, response_body, "
            + "received_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
            + "on conflict (device_id, report_id) do nothing";

    /** A report received earlier under the same (device, report id): its payload's hash and the answer it got. */
    record EarlierReport(String payloadHash, ReportService.StoredAnswer answer) {
    }

    /** What a report is decided on: its signal and its execution, locked; either may be null. */
    record Snapshot(Signal signal, Execution execution) {
    }

    /** Whether the report, and its fill if it has one, were new (else an earlier one holds the unique key). */
    record Written(boolean reportIsNew, boolean fillIsNew) {
    }

    private final Outbox outbox;

    ReportStore(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Reads the signal, locked if {@code locksSignal}, and locks the execution of (signal, device) if it exists
     * (SELECT ... FOR UPDATE, held until the transaction ends, so two reports of one execution are decided one after
     * the other), in one round trip. The signal's lock comes first, as everywhere else.
     */
    Uni<Snapshot> read(SqlConnection transaction, UUID signalId, UUID deviceId, boolean locksSignal) {
        // Subscribed together, the queries are pipelined on the connection.
        Uni<RowSet<Row>> signal = transaction.preparedQuery(locksSignal ? LOCK_SIGNAL : SIGNAL)
                .execute(Tuple.of(signalId));
        Uni<RowSet<Row>> execution = transaction.preparedQuery(LOCK_EXECUTION).execute(Tuple.of(signalId, deviceId));
        return Uni.combine().all().unis(signal, execution).asTuple()
                .map(read -> new Snapshot(first(read.getItem1(), ReportStore::signalOf),
                        first(read.getItem2(), ReportStore::executionOf)));
    }

    /** The report this device sent earlier under {@code reportId}, committed; null if none. */
    Uni<EarlierReport> earlierReport(SqlClient database, UUID deviceId, String reportId) {
        return database.preparedQuery(EARLIER_REPORT).execute(Tuple.of(deviceId, reportId))
                .map(rows -> first(rows, ReportStore::earlierReportOf));
    }

    /** The execution of (signal, device), created PENDING if the device has none yet, locked. */
    Uni<Execution> openLocked(SqlConnection transaction, UUID signalId, UUID deviceId, UUID userId, Instant now) {
        return transaction.preparedQuery(CREATE_EXECUTION)
                .execute(Tuple.of(UUID.randomUUID(), signalId, deviceId, userId, at(now)))
                .chain(() -> transaction.preparedQuery(LOCK_EXECUTION).execute(Tuple.of(signalId, deviceId)))
                .map(rows -> first(rows, ReportStore::executionOf));
    }

    /** See SignalRepository#lockSignalId: a report that finds no signal decides to wait under this lock. */
    Uni<Void> lockSignalId(SqlConnection transaction, UUID signalId) {
        return transaction.preparedQuery(LOCK_SIGNAL_ID).execute(Tuple.of(signalId.toString())).replaceWithVoid();
    }

    /**
     * Writes, pipelined, the report, the fill and event of {@code change}, the execution (if given) and the signal's
     * commissionable lots if the fill earns. The caller rolls back unless both the report and the fill were new.
     */
    Uni<Written> write(SqlConnection transaction, Signal signal, Execution execution, LedgerChange change,
            ReceivedReport report) {
        Uni<Boolean> reportIsNew = transaction.preparedQuery(INSERT_REPORT).execute(reportRow(report))
                .map(result -> result.rowCount() == 1);
        Uni<Boolean> fillIsNew = change.fill() == null ? Uni.createFrom().item(true)
                : transaction.preparedQuery(INSERT_FILL).execute(fillRow(change.fill()))
                        .map(result -> result.rowCount() == 1);
        boolean earns = change.fill() != null && change.fill().commissionableSize.signum() > 0;
        Uni<Void> executionAndEvent = Uni.combine().all().unis(
                execution == null ? Uni.createFrom().voidItem()
                        : transaction.preparedQuery(UPDATE_EXECUTION).execute(executionRow(execution)).replaceWithVoid(),
                earns ? transaction.preparedQuery(UPDATE_SIGNAL)
                        .execute(Tuple.of(signal.signalId, signal.commissionableSize)).replaceWithVoid()
                        : Uni.createFrom().voidItem(),
                change.event() == null ? Uni.createFrom().voidItem() : outbox.add(transaction, change.event()))
                .discardItems();
        return Uni.combine().all().unis(reportIsNew, fillIsNew, executionAndEvent).asTuple()
                .map(written -> new Written(written.getItem1(), written.getItem2()));
    }

    private static <T> T first(RowSet<Row> rows, Function<Row, T> mapper) {
        Iterator<Row> found = rows.iterator();
        return found.hasNext() ? mapper.apply(found.next()) : null;
    }

    private static Signal signalOf(Row row) {
        Signal signal = new Signal();
        signal.signalId = row.getUUID("signal_id");
        signal.userId = row.getUUID("user_id");
        signal.instrument = row.getString("instrument");
        signal.side = Side.valueOf(row.getString("side"));
        signal.size = row.getBigDecimal("size");
        signal.price = row.getBigDecimal("price");
        signal.issuedAt = instant(row.getOffsetDateTime("issued_at"));
        signal.expiresAt = instant(row.getOffsetDateTime("expires_at"));
        signal.receivedAt = instant(row.getOffsetDateTime("received_at"));
        signal.commissionableSize = row.getBigDecimal("commissionable_size");
        return signal;
    }

    private static Execution executionOf(Row row) {
        Execution execution = new Execution();
        execution.executionId = row.getUUID("execution_id");
        execution.signalId = row.getUUID("signal_id");
        execution.deviceId = row.getUUID("device_id");
        execution.userId = row.getUUID("user_id");
        execution.state = ExecutionState.valueOf(row.getString("state"));
        execution.cumulativeSize = row.getBigDecimal("cumulative_size");
        execution.notional = row.getBigDecimal("notional");
        execution.averagePrice = row.getBigDecimal("average_price");
        execution.acknowledgedAt = instant(row.getOffsetDateTime("acknowledged_at"));
        execution.firstFillAt = instant(row.getOffsetDateTime("first_fill_at"));
        execution.lastFillAt = instant(row.getOffsetDateTime("last_fill_at"));
        execution.failedAt = instant(row.getOffsetDateTime("failed_at"));
        execution.expiredAt = instant(row.getOffsetDateTime("expired_at"));
        execution.errorCode = row.getInteger("error_code");
        execution.errorMessage = row.getString("error_message");
        execution.createdAt = instant(row.getOffsetDateTime("created_at"));
        execution.updatedAt = instant(row.getOffsetDateTime("updated_at"));
        return execution;
    }

    private static EarlierReport earlierReportOf(Row row) {
        return new EarlierReport(row.getString("payload_hash"), new ReportService.StoredAnswer(
                row.getInteger("response_status"), row.getString("response_body")));
    }

    private static Tuple executionRow(Execution execution) {
        return Tuple.from(new Object[] {execution.executionId, execution.state.name(), execution.cumulativeSize,
                execution.notional, execution.averagePrice, at(execution.acknowledgedAt), at(execution.firstFillAt),
                at(execution.lastFillAt), at(execution.failedAt), at(execution.expiredAt), execution.errorCode,
                execution.errorMessage, at(execution.updatedAt)});
    }

    private static Tuple fillRow(Fill fill) {
        return Tuple.from(new Object[] {fill.fillId, fill.executionId, fill.signalId, fill.deviceId, fill.userId,
                fill.tradeId, fill.size, fill.price, fill.notional, at(fill.filledAt), at(fill.receivedAt),
                fill.status.name(), fill.flagReason, fill.reportedSide == null ? null : fill.reportedSide.name(),
                fill.commissionableSize});
    }

    private static Tuple reportRow(ReceivedReport report) {
        return Tuple.from(new Object[] {report.id, report.deviceId, report.userId, report.reportId,
                report.reportType.name(), report.signalId, report.payloadHash, report.payload, report.fillId,
                report.outcome.name(), report.responseStatus, report.responseBody, at(report.receivedAt)});
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
