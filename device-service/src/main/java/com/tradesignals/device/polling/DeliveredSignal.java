package com.tradesignals.device.polling;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One signal handed to a device; decimals are JSON strings", requiredProperties = {
        "sequence", "signal_id", "instrument", "side", "order_type", "size", "issued_at", "expires_at" })
public record DeliveredSignal(
        @Schema(description = "This device's delivery number: send the highest one received as `after` to "
                + "acknowledge it", examples = "42") long sequence,
        @Schema(description = "The signal's id (report it back in ack, fill and error reports)") UUID signalId,
        @Schema(description = "The instrument's symbol (docs/instruments.md)", examples = "EURUSD") String instrument,
        @Schema(description = "BUY or SELL") Side side,
        @Schema(description = "How to place the order") OrderType orderType,
        @Schema(description = "The size in lots") BigDecimal size,
        @Schema(description = "The reference or limit price; null for a market order without one", nullable = true)
        BigDecimal price,
        @Schema(description = "The stop-loss price, if any", nullable = true) BigDecimal stopLoss,
        @Schema(description = "The take-profit price, if any", nullable = true) BigDecimal takeProfit,
        @Schema(description = "When the signal was issued") Instant issuedAt,
        @Schema(description = "After this the signal must not be executed (and is not delivered)") Instant expiresAt) {
}
