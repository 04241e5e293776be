package com.tradesignals.affiliate.payoutmethod;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A payout method as its owner sees it: the kind's fields, with the account masked ({@code iban} as
 * {@code DE****3000}, {@code email} as {@code j***@example.com}, {@code address} as {@code 0x5290…3Ab1});
 * the holder's name, the BIC and the network are shown as they are.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A payout method as its owner sees it, the account masked (fields of other kinds are absent)",
        requiredProperties = { "type", "updated_at" })
public record PayoutMethodView(
        @Schema(description = "The kind") PayoutMethodKind type,
        @Schema(description = "BANK_TRANSFER: the IBAN, masked") String iban,
        @Schema(description = "BANK_TRANSFER: the BIC, if given") String bic,
        @Schema(description = "BANK_TRANSFER: the account holder") String holderName,
        @Schema(description = "PAYPAL: the address, masked") String email,
        @Schema(description = "CRYPTO: the network") CryptoNetwork network,
        @Schema(description = "CRYPTO: the address, masked") String address,
        @Schema(description = "When it was set") Instant updatedAt) {

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
