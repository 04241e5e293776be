package com.tradesignals.execution.history;

import com.tradesignals.platform.csv.CsvLines;
import java.util.List;

/** The execution history as CSV ({@link CsvLines}): header first; columns added later come last. */
final class CsvExecutions {

    static final String MEDIA_TYPE = CsvLines.MEDIA_TYPE;

    static final String HEADER = "execution_id,signal_id,device_id,instrument,side,state,signal_size,cumulative_size,"
            + "leaves_size,average_price,slippage,created_at,updated_at,broker_order_id,closed_size,average_exit_price,"
            + "realized_pnl";

    private CsvExecutions() {
    }

    static String render(List<ExecutionItem> items) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ExecutionItem item : items) {
            csv.append(CsvLines.line(item.executionId(), item.signalId(), item.deviceId(), item.instrument(),
                    item.side(), item.state(), item.signalSize(), item.cumulativeSize(),
                    item.leavesSize(), item.averagePrice(), item.slippage(),
                    item.createdAt(), item.updatedAt(), item.brokerOrderId(), item.closedSize(),
                    item.averageExitPrice(), item.realizedPnl()));
        }
        return csv.toString();
    }
}
