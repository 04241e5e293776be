package com.tradesignals.execution.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One device's execution of one signal, as a value: {@link ExecutionLedger} answers a changed copy. Its figures
 * ({@code cumulativeSize}, {@code notional}: the sums of its counted fills; {@code averagePrice}) and its
 * {@code position} are derived from its fills and closing fills, never from a client. {@code order} is what the
 * terminal said of its order with the broker. {@code requestedSize} is the lots this device was asked to trade (its
 * settings' sizing of the signal when the execution began; null in executions older than settings: the signal's).
 */
public record Execution(UUID executionId, UUID signalId, UUID deviceId, UUID userId, ExecutionState state,
        BigDecimal cumulativeSize, BigDecimal notional, BigDecimal averagePrice, Instant acknowledgedAt,
        Instant firstFillAt, Instant lastFillAt, Instant failedAt, Instant expiredAt, Integer errorCode,
        String errorMessage, BigDecimal requestedSize, Order order, Position position, Instant createdAt,
        Instant updatedAt) {

    /**
     * The broker order: its id once placed, the stop loss and take profit the terminal confirmed, and when the order
     * was cancelled (and why), ended DONE, or its position closed.
     */
    public record Order(String brokerOrderId, Instant placedAt, BigDecimal stopLoss, BigDecimal takeProfit,
            Instant modifiedAt, Instant cancelledAt, String cancelReason, Instant doneAt, Instant closedAt) {

        public static final Order NONE = new Order(null, null, null, null, null, null, null, null, null);

        Order placed(String orderId, Instant at) {
            return new Order(orderId, at, stopLoss, takeProfit, modifiedAt, cancelledAt, cancelReason, doneAt,
                    closedAt);
        }

        Order modified(BigDecimal newStopLoss, BigDecimal newTakeProfit, Instant at) {
            return new Order(brokerOrderId, placedAt, newStopLoss, newTakeProfit, at, cancelledAt, cancelReason,
                    doneAt, closedAt);
        }

        Order cancelled(String reason, Instant at) {
            return new Order(brokerOrderId, placedAt, stopLoss, takeProfit, modifiedAt, at, reason, doneAt, closedAt);
        }

        Order done(Instant at) {
            return new Order(brokerOrderId, placedAt, stopLoss, takeProfit, modifiedAt, cancelledAt, cancelReason, at,
                    closedAt);
        }

        Order closed(Instant at) {
            return new Order(brokerOrderId, placedAt, stopLoss, takeProfit, modifiedAt, cancelledAt, cancelReason,
                    doneAt, at);
        }
    }

    /** The lots this device was asked to trade of {@code signal}. */
    public BigDecimal requestedOf(Signal signal) {
        return requestedSize != null ? requestedSize : signal.size();
    }

    /** The lots still open. */
    public BigDecimal openSize() {
        return position.openSize(cumulativeSize);
    }

    Execution withState(ExecutionState newState, Instant now) {
        return new Execution(executionId, signalId, deviceId, userId, newState, cumulativeSize, notional,
                averagePrice, acknowledgedAt, firstFillAt, lastFillAt, failedAt, expiredAt, errorCode, errorMessage,
                requestedSize, order, position, createdAt, now);
    }

    Execution withOrder(ExecutionState newState, Order newOrder, Instant now) {
        return new Execution(executionId, signalId, deviceId, userId, newState, cumulativeSize, notional,
                averagePrice, acknowledgedAt, firstFillAt, lastFillAt, failedAt, expiredAt, errorCode, errorMessage,
                requestedSize, newOrder, position, createdAt, now);
    }

    Execution withPosition(ExecutionState newState, Position newPosition, Order newOrder, Instant now) {
        return new Execution(executionId, signalId, deviceId, userId, newState, cumulativeSize, notional,
                averagePrice, acknowledgedAt, firstFillAt, lastFillAt, failedAt, expiredAt, errorCode, errorMessage,
                requestedSize, newOrder, newPosition, createdAt, now);
    }

    Execution acknowledged(ExecutionState newState, Instant now) {
        return new Execution(executionId, signalId, deviceId, userId, newState, cumulativeSize, notional,
                averagePrice, now, firstFillAt, lastFillAt, failedAt, expiredAt, errorCode, errorMessage,
                requestedSize, order, position, createdAt, now);
    }

    Execution expired(Instant now) {
        return new Execution(executionId, signalId, deviceId, userId, ExecutionState.EXPIRED, cumulativeSize,
                notional, averagePrice, acknowledgedAt, firstFillAt, lastFillAt, failedAt, now, errorCode,
                errorMessage, requestedSize, order, position, createdAt, now);
    }

    Execution failed(ExecutionState newState, int code, String message, Instant now) {
        return new Execution(executionId, signalId, deviceId, userId, newState, cumulativeSize, notional,
                averagePrice, acknowledgedAt, firstFillAt, lastFillAt, now, expiredAt, code, message, requestedSize,
                order, position, createdAt, now);
    }

    Execution withFigures(ExecutionState newState, ExecutionFigures figures, Instant now) {
        return new Execution(executionId, signalId, deviceId, userId, newState, figures.cumulativeSize(),
                figures.notional(), figures.averagePrice(), acknowledgedAt, firstFillAt, lastFillAt, failedAt,
                expiredAt, errorCode, errorMessage, requestedSize, order, position, createdAt, now);
    }

    /** With {@code filledAt} counted in the first and last fill times. */
    Execution withFillTime(Instant filledAt) {
        Instant first = firstFillAt == null || filledAt.isBefore(firstFillAt) ? filledAt : firstFillAt;
        Instant last = lastFillAt == null || filledAt.isAfter(lastFillAt) ? filledAt : lastFillAt;
        return new Execution(executionId, signalId, deviceId, userId, state, cumulativeSize, notional, averagePrice,
                acknowledgedAt, first, last, failedAt, expiredAt, errorCode, errorMessage, requestedSize, order,
                position, createdAt, updatedAt);
    }
}
