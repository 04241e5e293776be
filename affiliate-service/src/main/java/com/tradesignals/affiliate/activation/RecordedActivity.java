package com.tradesignals.affiliate.activation;

import com.tradesignals.affiliate.AffiliateConfig;
import com.tradesignals.affiliate.referral.ClaimantActivity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** A claimant's activity as this feature recorded it: their fills ({@code traders}) and devices. */
@ApplicationScoped
public class RecordedActivity implements ClaimantActivity {

    private final TraderRepository traders;
    private final UserDeviceRepository userDevices;
    private final AffiliateConfig.Activation rule;

    RecordedActivity(TraderRepository traders, UserDeviceRepository userDevices, AffiliateConfig config) {
        this.traders = traders;
        this.userDevices = userDevices;
        this.rule = config.activation();
    }

    @Override
    public Uni<Boolean> hasTraded(UUID userId) {
        return traders.hasTraded(userId);
    }

    @Override
    public Uni<Boolean> qualifiesOnClaim(UUID userId) {
        return rule == AffiliateConfig.Activation.FIRST_DEVICE
                ? userDevices.hasLinkedDevice(userId)
                : Uni.createFrom().item(Boolean.FALSE);
    }
}
