package com.tradesignals.affiliate.payoutmethod;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * Where an affiliate's payouts go, in full: what {@code PUT /payout-method} accepts (JSON, discriminated by
 * {@code type}), what is encrypted at rest, and what the payments API receives as the beneficiary. Values are
 * normalised on construction, before validation. {@link #toString()} and {@link #masked()} never show the full
 * account: only these may reach a log, an audit entry or a response.
 */
@Schema(description = "Where payouts go, discriminated by `type`", oneOf = { PayoutMethodDetails.BankTransfer.class,
        PayoutMethodDetails.PayPal.class, PayoutMethodDetails.Crypto.class }, discriminatorProperty = "type",
        discriminatorMapping = {
                @DiscriminatorMapping(value = "BANK_TRANSFER", schema = PayoutMethodDetails.BankTransfer.class),
                @DiscriminatorMapping(value = "PAYPAL", schema = PayoutMethodDetails.PayPal.class),
                @DiscriminatorMapping(value = "CRYPTO", schema = PayoutMethodDetails.Crypto.class) })
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PayoutMethodDetails.BankTransfer.class, name = "BANK_TRANSFER"),
        @JsonSubTypes.Type(value = PayoutMethodDetails.PayPal.class, name = "PAYPAL"),
        @JsonSubTypes.Type(value = PayoutMethodDetails.Crypto.class, name = "CRYPTO") })
public sealed interface PayoutMethodDetails {

    @JsonIgnore
    PayoutMethodKind kind();

    /** The account in its masked form: {@code DE****3000}, {@code j***@example.com}, {@code ETHEREUM 0x52908…3Ab1}. */
    @JsonIgnore
    String masked();

    /**
     * A SEPA or SWIFT bank transfer.
     *
     * @param iban       ISO 13616, normalised to upper case without spaces
     * @param bic        ISO 9362, 8 or 11 characters; optional (SEPA needs none)
     * @param holderName the account holder, as the bank knows them
     */
    @Schema(description = "A SEPA or SWIFT bank transfer", requiredProperties = "type",
            properties = @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = "BANK_TRANSFER",
                    description = "BANK_TRANSFER"))
    record BankTransfer(
            @Schema(description = "ISO 13616; spaces allowed, normalised to upper case without them",
                    examples = "GB82 WEST 1234 5698 7654 32")
            @NotNull @Iban String iban,
            @Schema(description = "ISO 9362, 8 or 11 characters; optional (SEPA needs none)", examples = "WESTGB2L")
            @Pattern(regexp = "[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?",
                    message = "must be a BIC of 8 or 11 characters (ISO 9362)")
            String bic,
            @Schema(description = "The account holder, as the bank knows them", examples = "Bob Example")
            @NotBlank @Size(max = 140) @Pattern(regexp = "[^\\p{Cntrl}]*",
                    message = "must not contain control characters") String holderName) implements PayoutMethodDetails {

        public BankTransfer {
            iban = Ibans.normalised(iban);
            bic = bic == null || bic.isBlank() ? null : bic.strip().toUpperCase(Locale.ROOT);
            holderName = holderName == null ? null : holderName.strip();
        }

        @Override
        public PayoutMethodKind kind() {
            return PayoutMethodKind.BANK_TRANSFER;
        }

        @Override
        public String masked() {
            return Ibans.masked(iban);
        }

        @Override
        public String toString() {
            return "BankTransfer[" + masked() + "]";
        }
    }

    /** @param email the PayPal account's address, normalised to lower case */
    @Schema(description = "A PayPal account", requiredProperties = "type", properties = @SchemaProperty(name = "type",
            type = SchemaType.STRING, enumeration = "PAYPAL", description = "PAYPAL"))
    record PayPal(
            @Schema(description = "The PayPal account's address", examples = "bob@example.com")
            @NotNull @Size(max = 254) @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
                    message = "must be an email address with a domain") String email) implements PayoutMethodDetails {

        public PayPal {
            email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        }

        @Override
        public PayoutMethodKind kind() {
            return PayoutMethodKind.PAYPAL;
        }

        /** First character, three stars, the domain: {@code j***@example.com} (total, like {@link Ibans#masked}). */
        @Override
        public String masked() {
            int at = email == null ? -1 : email.lastIndexOf('@');
            return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
        }

        @Override
        public String toString() {
            return "PayPal[" + masked() + "]";
        }
    }

    /** @param address in the network's own format (see {@link CryptoNetwork}) */
    @CryptoAddress
    @Schema(description = "A crypto address", requiredProperties = "type", properties = @SchemaProperty(name = "type",
            type = SchemaType.STRING, enumeration = "CRYPTO", description = "CRYPTO"))
    record Crypto(
            @Schema(description = "The network") @NotNull CryptoNetwork network,
            @Schema(description = "The address, valid for the network",
                    examples = "0x52908400098527886E0F7030069857D2E4169EE7")
            @NotBlank @Size(max = 128) String address)
            implements PayoutMethodDetails {

        public Crypto {
            address = address == null ? null : address.strip();
        }

        @Override
        public PayoutMethodKind kind() {
            return PayoutMethodKind.CRYPTO;
        }

        /** The network, the first six and the last four characters: {@code ETHEREUM 0x5290…3Ab1}. */
        @Override
        public String masked() {
            return network + " " + maskedAddress();
        }

        String maskedAddress() {
            return address == null || address.length() < 16 ? "…"
                    : address.substring(0, 6) + "…" + address.substring(address.length() - 4);
        }

        @Override
        public String toString() {
            return "Crypto[" + masked() + "]";
        }
    }
}
