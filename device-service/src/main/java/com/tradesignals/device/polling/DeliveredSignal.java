package com.tradesignals.device.polling;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One signal handed to a device. Decimals are JSON strings.
 *
 * @param sequence this device's delivery number: send the highest one received as {@code after} to acknowledge
 */
public record DeliveredSignal(long sequence, UUID signalId, String instrument, Side side, OrderType orderType,
        BigDecimal size, BigDecimal price, BigDecimal stopLoss, BigDecimal takeProfit, Instant issuedAt,
        Instant expiresAt) {
}
