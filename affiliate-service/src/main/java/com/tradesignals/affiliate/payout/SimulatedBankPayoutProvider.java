package com.tradesignals.affiliate.payout;

import com.tradesignals.affiliate.AffiliateConfig;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * NOT A BANK: a stand-in that moves no money. It completes every payout, except the amounts listed in
 * {@code affiliates.simulated-bank.failing-amounts} and a random share {@code failure-rate}, which it refuses.
 * Replace it with a real provider by declaring another {@link PayoutProvider} bean.
 */
@DefaultBean
@ApplicationScoped
public class SimulatedBankPayoutProvider implements PayoutProvider {

    private final List<BigDecimal> failingAmounts;
    private final double failureRate;

    SimulatedBankPayoutProvider(AffiliateConfig config) {
        this.failingAmounts = config.simulatedBank().failingAmounts().orElse(List.of());
        this.failureRate = config.simulatedBank().failureRate();
    }

    @Override
    public Uni<PayoutResult> pay(UUID payoutId, UUID affiliateUserId, BigDecimal amount, String currency) {
        boolean isRefused = failingAmounts.stream().anyMatch(failing -> failing.compareTo(amount) == 0)
                || ThreadLocalRandom.current().nextDouble() < failureRate;
        return Uni.createFrom().item(isRefused
                ? new PayoutResult.Failed("simulated bank refused the transfer")
                : new PayoutResult.Completed("SIM-" + payoutId));
    }
}
