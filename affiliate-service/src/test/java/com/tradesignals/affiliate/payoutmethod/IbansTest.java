package com.tradesignals.affiliate.payoutmethod;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IbansTest {

    @ParameterizedTest
    @ValueSource(strings = { "DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606",
            "NO9386011117947", "MT84MALT011000012345MTLCAST001S", "BE68539007547034", "CH9300762011623852957" })
    void registryExamplesAreValid(String iban) {
        assertThat(Ibans.isValid(iban)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DE89370400440532013001", // check digits do not match
            "DE88370400440532013000", // likewise
            "DE8937040044053201300", // one character short for Germany
            "NO93860111179470", // one too many for Norway
            "XX89370400440532013000", // no such country
            "de89370400440532013000", // not normalised
            "DE89 3704 0044 0532 0130 00", // likewise
            "DE8937040044053201300!", "" })
    void othersAreNot(String iban) {
        assertThat(Ibans.isValid(iban)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({ "de89 3704 0044 0532 0130 00, DE89370400440532013000", "gb82west12345698765432, GB82WEST12345698765432" })
    void spacesAndCaseAreNormalisedAway(String written, String normalised) {
        assertThat(Ibans.normalised(written)).isEqualTo(normalised);
        assertThat(Ibans.isValid(Ibans.normalised(written))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({ "DE89370400440532013000, DE****3000", "NO9386011117947, NO****7947", "DE89, ****" })
    void maskedShowsTheCountryAndTheLastFour(String iban, String masked) {
        assertThat(Ibans.masked(iban)).isEqualTo(masked);
    }

    @Test
    void maskingWhatIsNoIbanShowsNothing() {
        assertThat(Ibans.masked(null)).isEqualTo("****");
        assertThat(new PayoutMethodDetails.PayPal("ada").masked()).isEqualTo("***");
        assertThat(new PayoutMethodDetails.Crypto(CryptoNetwork.SOLANA, "short").masked()).isEqualTo("SOLANA …");
    }
}
