package com.tradesignals.affiliate.payoutmethod;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A payout method as its owner sees it: the kind's fields, with the account masked ({@code iban} as
 * {@code DE****3000}, {@code email} as {@code j***@example.com}, {@code address} as {@code 0x5290…3Ab1});
 * the holder's name, the BIC and the network are shown as they are.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PayoutMethodView(PayoutMethodKind type, String iban, String bic, String holderName, String email,
        CryptoNetwork network, String address, Instant updatedAt) {

    static PayoutMethodView of(PayoutMethodDetails details, Instant updatedAt) {
        if (details instanceof PayoutMethodDetails.BankTransfer bank) {
            return new PayoutMethodView(bank.kind(), bank.masked(), bank.bic(), bank.holderName(), null, null, null,
                    updatedAt);
        }
        if (details instanceof PayoutMethodDetails.PayPal payPal) {
            return new PayoutMethodView(payPal.kind(), null, null, null, payPal.masked(), null, null, updatedAt);
        }
        PayoutMethodDetails.Crypto crypto = (PayoutMethodDetails.Crypto) details;
        return new PayoutMethodView(crypto.kind(), null, null, null, null, crypto.network(), crypto.maskedAddress(),
                updatedAt);
    }
}
