package com.tradesignals.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.contracts.events.devices.DeviceSizing;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lots a device trades of a signal: one rule for device-service's deliveries and execution-service's checks. */
class DeviceSizingTest {

    static Stream<Arguments> sizings() {
        return Stream.of(
                // multiplier, fixed, max, signal lots, lot step → lots
                Arguments.of(null, null, null, "1.00", "0.01", "1.00000000"),
                Arguments.of(null, null, null, "0.005", "0.01", "0.00500000"),
                Arguments.of("1", null, null, "0.005", "0.01", "0.01000000"),
                Arguments.of("0.5", null, null, "1.00", "0.01", "0.50000000"),
                Arguments.of("0.5", null, null, "0.03", "0.01", "0.01000000"),
                Arguments.of("0.33", null, null, "1.00", "0.01", "0.33000000"),
                Arguments.of("0.333", null, null, "1.00", "0.01", "0.33000000"),
                Arguments.of("0.001", null, null, "1.00", "0.01", "0.01000000"),
                Arguments.of("3", null, "2.5", "1.00", "0.01", "2.50000000"),
                Arguments.of(null, "0.20", null, "5.00", "0.01", "0.20000000"),
                Arguments.of(null, "0.25", "0.10", "5.00", "0.1", "0.10000000"),
                Arguments.of("2", null, null, "0.15", "0.1", "0.30000000"),
                Arguments.of("0.5", null, null, "0.123456789", null, "0.06172839"));
    }

    @ParameterizedTest(name = "×{0} fixed {1} max {2} of {3} lots, step {4} → {5}")
    @MethodSource("sizings")
    void aDeviceTradesItsMultipleOrItsFixedLotsCappedRoundedDownToTheLotStepAndAtLeastOneStep(String multiplier,
            String fixed, String max, String signalLots, String step, String lots) {
        DeviceSizing sizing = new DeviceSizing(decimal(multiplier), decimal(fixed), decimal(max));

        assertThat(sizing.lotsFor(new BigDecimal(signalLots), decimal(step))).isEqualTo(new BigDecimal(lots));
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
