package com.tradesignals.affiliate.ledger;

import com.tradesignals.platform.csv.CsvLines;
import java.util.List;

/** The statement as CSV ({@link CsvLines}): header first; columns added later come last. */
public final class CsvStatement {

    public static final String MEDIA_TYPE = CsvLines.MEDIA_TYPE;

    static final String HEADER = "entry_id,entry_type,status,accrued_at,available_at,paid_at,reversed_at,level,tier,"
            + "rate,fee_base,amount,currency,fill_id,trade_id,referred_user_id,payout_id,instrument,lots,basis,"
            + "basis_value,reason";

    private CsvStatement() {
    }

    public static String render(List<HistoryEntry> entries) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (HistoryEntry entry : entries) {
            csv.append(CsvLines.line(entry.entryId(), entry.entryType(), entry.status(), entry.accruedAt(),
                    entry.availableAt(), entry.paidAt(), entry.reversedAt(), entry.level(), entry.tier(),
                    entry.rate(), entry.feeBase(), entry.amount(), entry.currency(),
                    entry.fillId(), entry.tradeId(), entry.referredUserId(), entry.payoutId(),
                    entry.instrument(), entry.lots(), entry.basis(), entry.basisValue(),
                    entry.reason()));
        }
        return csv.toString();
    }
}
