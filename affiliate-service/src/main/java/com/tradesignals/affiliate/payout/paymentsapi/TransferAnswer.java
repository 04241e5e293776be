package com.tradesignals.affiliate.payout.paymentsapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the payments API answers, whatever the status: a transfer ({@code id}, {@code status}, {@code reason}),
 * an error ({@code error}, {@code reason}), or, for a reused idempotency key, the error with the original
 * {@code transfer}. Fields the contract does not name are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransferAnswer(String id, String status, String reason, String error, TransferAnswer transfer) {
}
