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
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The statements of a device report, on the reactive SQL client (decision 0206). Inside its transaction a report
 * costs two round trips of pipelined statements: {@link #read} locks the execution and reads everything the decision
 * needs, {@link #write} writes everything that was decided.
 */
@ApplicationScoped
class ReportStore {

    private static final String SIGNAL = "select signal_id, user_id, instrument, side, size, price, issued_at, "
            + "expires_at, received_at from signals where signal_id = $1";
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
    private static final String TRADE_REPORTED = "select 1 from fills where execution_id = "
            + "(select execution_id from executions where signal_id = $1 and device_id = $2) and trade_id = $3";
    // The same lock as SignalRepository#lockSignalId, taken by the consumer that stores the signal.
    private static final String LOCK_SIGNAL_ID = "select pg_advisory_xact_lock(hashtext($1))";
    private static final String UPDATE_EXECUTION = "update executions set state = $2, cumulative_size = $3, "
            + "notional = $4, average_price = $5, acknowledged_at = $6, first_fill_at = $7, last_fill_at = $8, "
            + "failed_at = $9, expired_at = $10, error_code = $11, error_message = $12, updated_at = $13 "
            + "where execution_id = $1";
    private static final String INSERT_FILL = "insert into fills (fill_id, execution_id, signal_id, device_id, "
            + "user_id, trade_id, size, price, notional, filled_at, received_at, status, flag_reason) "
            + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
    private static final String INSERT_REPORT = "insert into execution_reports (id, device_id, user_id, report_id, "
            + "report_type, signal_id, payload_hash, payload, fill_id, outcome, response_status, response_body, "
            + "received_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

    /** A report received earlier under the same (device, report id): its payload's hash and the answer it got. */
    record EarlierReport(String payloadHash, ReportService.StoredAnswer answer) {
    }

    /** What a report is decided on. {@code signal}, {@code execution} and {@code earlier} may be null. */
    record Snapshot(Signal signal, Execution execution, EarlierReport earlier, boolean tradeAlreadyReported) {
    }

    private final Outbox outbox;

    ReportStore(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Locks the execution of (signal, device) if it exists (SELECT ... FOR UPDATE, held until the transaction ends,
     * so two reports of one execution are decided one after the other) and reads, in the same round trip, the signal,
     * an earlier report under the same id and whether the fill's trade id was already reported.
     */
    Uni<Snapshot> read(SqlConnection transaction, UUID deviceId, DeviceReport report) {
        UUID signalId = report.signalId();
        // Subscribed together, the queries are pipelined on the connection and run in this order.
        Uni<RowSet<Row>> signal = transaction.preparedQuery(SIGNAL).execute(Tuple.of(signalId));
        Uni<RowSet<Row>> execution = transaction.preparedQuery(LOCK_EXECUTION).execute(Tuple.of(signalId, deviceId));
        Uni<RowSet<Row>> earlier = transaction.preparedQuery(EARLIER_REPORT)
                .execute(Tuple.of(deviceId, report.reportId()));
        Uni<Boolean> tradeReported = report instanceof FillReport fill
                ? transaction.preparedQuery(TRADE_REPORTED).execute(Tuple.of(signalId, deviceId, fill.tradeId()))
                        .map(rows -> rows.size() > 0)
                : Uni.createFrom().item(false);
        return Uni.combine().all().unis(signal, execution, earlier, tradeReported).asTuple()
                .map(read -> new Snapshot(first(read.getItem1(), ReportStore::signalOf),
                        first(read.getItem2(), ReportStore::executionOf),
                        first(read.getItem3(), ReportStore::earlierReportOf), read.getItem4()));
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

    /** Writes, pipelined, the execution (if given), the fill and event of {@code change} and the report itself. */
    Uni<Void> write(SqlConnection transaction, Execution execution, LedgerChange change, ReceivedReport report) {
        List<Uni<?>> statements = new ArrayList<>();
        if (change.fill() != null) {
            statements.add(transaction.preparedQuery(INSERT_FILL).execute(fillRow(change.fill())));
        }
        if (execution != null) {
            statements.add(transaction.preparedQuery(UPDATE_EXECUTION).execute(executionRow(execution)));
        }
        if (change.event() != null) {
            statements.add(outbox.add(transaction, change.event()));
        }
        statements.add(transaction.preparedQuery(INSERT_REPORT).execute(reportRow(report)));
        return Uni.combine().all().unis(statements).discardItems();
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
                fill.status.name(), fill.flagReason});
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
