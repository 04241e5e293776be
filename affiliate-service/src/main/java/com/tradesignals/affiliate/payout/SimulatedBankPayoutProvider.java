package com.tradesignals.affiliate.payout;

import com.tradesignals.affiliate.AffiliateConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * NOT A BANK: a stand-in that moves no money, for dev and tests ({@code affiliates.payouts.provider=simulated}).
 * It completes every payout, except the amounts listed in {@code affiliates.simulated-bank.failing-amounts} and a
 * random share {@code failure-rate}, which it refuses. A packaged service refuses to start with it unless
 * {@code platform.dev-only-settings-allowed} says it is not production.
 */
@ApplicationScoped
@Identifier("simulated")
@Typed(PayoutProvider.class)
public class SimulatedBankPayoutProvider implements PayoutProvider {

    private final List<BigDecimal> failingAmounts;
    private final double failureRate;

    SimulatedBankPayoutProvider(AffiliateConfig config) {
        this.failingAmounts = config.simulatedBank().failingAmounts().orElse(List.of());
        this.failureRate = config.simulatedBank().failureRate();
    }

    @Override
    public Uni<PayoutResult> pay(PayoutOrder order) {
        boolean isRefused = failingAmounts.stream().anyMatch(failing -> failing.compareTo(order.amount()) == 0)
                || ThreadLocalRandom.current().nextDouble() < failureRate;
        return Uni.createFrom().item(isRefused
                ? new PayoutResult.Failed("simulated bank refused the transfer")
                : new PayoutResult.Completed("SIM-" + order.payoutId()));
    }
}
