package com.tradesignals.execution.reports;

import com.tradesignals.contracts.events.executions.PositionMismatch;
import com.tradesignals.execution.ledger.ExecutionStore.OpenPosition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compares a terminal's open positions with the platform's, signal by signal: a signal on which they hold different
 * lots is a mismatch, including a position the platform holds that the terminal does not list (terminal lots 0) and
 * one the terminal lists that the platform thinks closed or never saw (platform lots 0).
 */
final class PositionReconciliation {

    private PositionReconciliation() {
    }

    static List<PositionMismatch> mismatches(UUID deviceId, UUID userId, List<OpenPosition> platform,
            Map<UUID, BigDecimal> terminal, Instant now) {
        Map<UUID, OpenPosition> bySignal = new HashMap<>();
        platform.forEach(position -> bySignal.put(position.signalId(), position));
        List<UUID> signals = new ArrayList<>(bySignal.keySet());
        terminal.keySet().stream().filter(signal -> !bySignal.containsKey(signal)).forEach(signals::add);
        signals.sort(Comparator.naturalOrder());
        List<PositionMismatch> mismatches = new ArrayList<>();
        for (UUID signal : signals) {
            OpenPosition recorded = bySignal.get(signal);
            BigDecimal platformLots = lots(recorded == null ? null : recorded.openLots());
            BigDecimal terminalLots = lots(terminal.get(signal));
            if (platformLots.compareTo(terminalLots) != 0) {
                mismatches.add(new PositionMismatch(recorded == null ? null : recorded.executionId(), signal, userId,
                        deviceId, platformLots, terminalLots, now));
            }
        }
        return mismatches;
    }

    private static BigDecimal lots(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(8, RoundingMode.UNNECESSARY);
    }
}
