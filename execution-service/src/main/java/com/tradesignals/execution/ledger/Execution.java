package com.tradesignals.execution.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One device's execution of one signal. Its figures are derived from its applied fills, never from a client. */
@Entity
@Table(name = "executions")
public class Execution {

    @Id
    @Column(name = "execution_id")
    public UUID executionId;

    @Column(name = "signal_id", nullable = false, updatable = false)
    public UUID signalId;

    @Column(name = "device_id", nullable = false, updatable = false)
    public UUID deviceId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExecutionState state;

    @Column(name = "cumulative_size", nullable = false, precision = 20, scale = 8)
    public BigDecimal cumulativeSize;

    @Column(nullable = false, precision = 38, scale = 16)
    public BigDecimal notional;

    @Column(name = "average_price", precision = 20, scale = 8)
    public BigDecimal averagePrice;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "first_fill_at")
    public Instant firstFillAt;

    @Column(name = "last_fill_at")
    public Instant lastFillAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "expired_at")
    public Instant expiredAt;

    @Column(name = "error_code")
    public Integer errorCode;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
