package com.tradesignals.execution.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One device's execution of one signal, as a value: {@link ExecutionLedger} answers a changed copy. Its figures
 * ({@code cumulativeSize}, {@code notional}: the sums of its counted fills; {@code averagePrice}) are derived from its
 * fills, never from a client.
 */
public record Execution(UUID executionId, UUID signalId, UUID deviceId, UUID userId, ExecutionState state,
        BigDecimal cumulativeSize, BigDecimal notional, BigDecimal averagePrice, Instant acknowledgedAt,
        Instant firstFillAt, Instant lastFillAt, Instant failedAt, Instant expiredAt, Integer errorCode,
        String errorMessage, Instant createdAt, Instant updatedAt) {

    Execution withState(ExecutionState newState, Instant now) {
        return new Execution(executionId, signalId, deviceId, userId, newState, cumulativeSize, notional,
                averagePrice, acknowledgedAt, firstFillAt, lastFillAt, failedAt, expiredAt, errorCode, errorMessage,
                createdAt, now);
    }

    Execution acknowledged(ExecutionState newState, Instant now) {
        return new Execution(executionId, signalId, deviceId, userId, newState, cumulativeSize, notional,
                averagePrice, now, firstFillAt, lastFillAt, failedAt, expiredAt, errorCode, errorMessage, createdAt,
                now);
    }

    Execution expired(Instant now) {
        return new Execution(executionId, signalId, deviceId, userId, ExecutionState.EXPIRED, cumulativeSize,
                notional, averagePrice, acknowledgedAt, firstFillAt, lastFillAt, failedAt, now, errorCode,
                errorMessage, createdAt, now);
    }

    Execution failed(ExecutionState newState, int code, String message, Instant now) {
        return new Execution(executionId, signalId, deviceId, userId, newState, cumulativeSize, notional,
                averagePrice, acknowledgedAt, firstFillAt, lastFillAt, now, expiredAt, code, message, createdAt, now);
    }

    Execution withFigures(ExecutionState newState, ExecutionFigures figures, Instant now) {
        return new Execution(executionId, signalId, deviceId, userId, newState, figures.cumulativeSize(),
                figures.notional(), figures.averagePrice(), acknowledgedAt, firstFillAt, lastFillAt, failedAt,
                expiredAt, errorCode, errorMessage, createdAt, now);
    }

    /** With {@code filledAt} counted in the first and last fill times. */
    Execution withFillTime(Instant filledAt) {
        Instant first = firstFillAt == null || filledAt.isBefore(firstFillAt) ? filledAt : firstFillAt;
        Instant last = lastFillAt == null || filledAt.isAfter(lastFillAt) ? filledAt : lastFillAt;
        return new Execution(executionId, signalId, deviceId, userId, state, cumulativeSize, notional, averagePrice,
                acknowledgedAt, first, last, failedAt, expiredAt, errorCode, errorMessage, createdAt, updatedAt);
    }
}
