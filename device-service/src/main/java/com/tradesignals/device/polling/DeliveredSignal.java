package com.tradesignals.device.polling;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One delivery handed to a device: a signal to open, or a modify, cancel or close of a signal "
        + "this device was handed before (docs/device-service.md, \"Delivery kinds\"). Every kind carries the "
        + "signal's own fields; decimals are JSON strings", requiredProperties = {
        "sequence", "kind", "signal_id", "instrument", "side", "order_type", "size", "issued_at", "expires_at" })
public record DeliveredSignal(
        @Schema(description = "This device's delivery number: send the highest one received as `after` to "
                + "acknowledge it", examples = "42") long sequence,
        @Schema(description = "What to do: `open` the signal's trade; `modify` its stop loss, take profit or pending "
                + "price (the `new_*` fields); `cancel` its pending order; `close` its position (`close_lots`, or "
                + "all of it when `is_close_all`)", enumeration = { "open", "modify", "cancel", "close" },
                examples = "open") String kind,
        @Schema(description = "The signal's id (report it back in ack, fill and error reports)") UUID signalId,
        @Schema(description = "The instrument's platform symbol (docs/instruments.md)", examples = "EURUSD")
        String instrument,
        @Schema(description = "The symbol to trade at this device's broker: the platform symbol unless the device's "
                + "settings map it", examples = "EURUSD.m") String symbol,
        @Schema(description = "BUY or SELL") Side side,
        @Schema(description = "How to place the order") OrderType orderType,
        @Schema(description = "The lots this device trades: the signal's, sized by the device's settings") BigDecimal size,
        @Schema(description = "The signal's own lots, before the device's sizing") BigDecimal signalSize,
        @Schema(description = "The reference or limit price; null for a market order without one", nullable = true)
        BigDecimal price,
        @Schema(description = "The stop-loss price, if any", nullable = true) BigDecimal stopLoss,
        @Schema(description = "The take-profit price, if any", nullable = true) BigDecimal takeProfit,
        @Schema(description = "When the signal was issued") Instant issuedAt,
        @Schema(description = "After this the signal must not be opened (and an `open` is not delivered); the other "
                + "kinds are delivered after it too") Instant expiresAt,
        @Schema(description = "`modify`: the stop loss as it now is; null when it has none (remove it)",
                nullable = true) BigDecimal newStopLoss,
        @Schema(description = "`modify`: the take profit as it now is; null when it has none (remove it)",
                nullable = true) BigDecimal newTakeProfit,
        @Schema(description = "`modify`: the new price of the pending order; null when it stays", nullable = true)
        BigDecimal newPrice,
        @Schema(description = "`close`: the lots to close; null when `is_close_all`", nullable = true)
        BigDecimal closeLots,
        @Schema(description = "`close`: true to close all of the position") boolean isCloseAll,
        @Schema(description = "When the upstream modified, cancelled or asked to close the signal; null for `open`",
                nullable = true) Instant actedAt) {
}
