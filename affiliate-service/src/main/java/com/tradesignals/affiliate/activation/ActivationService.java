package com.tradesignals.affiliate.activation;

import com.tradesignals.affiliate.AffiliateConfig;
import com.tradesignals.affiliate.referral.ReferralService;
import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.contracts.events.devices.DeviceRevoked;
import com.tradesignals.contracts.events.executions.FillRecorded;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * What qualifies a referral (decision 0307): by default the referred user's first applied fill with commissionable
 * lots; under {@code affiliates.activation=first-device} a device of theirs that is still linked. Every fill also
 * records its user as a trader, who can no longer claim a referrer. Runs in the consumers' transactions; whatever
 * could race a claim takes the tree lock first (decision 0301), and only then reads the tree.
 */
@ApplicationScoped
public class ActivationService {

    private final TraderRepository traders;
    private final UserDeviceRepository userDevices;
    private final ReferralService referrals;
    private final AffiliateConfig.Activation rule;

    ActivationService(TraderRepository traders, UserDeviceRepository userDevices, ReferralService referrals,
            AffiliateConfig config) {
        this.traders = traders;
        this.userDevices = userDevices;
        this.referrals = referrals;
        this.rule = config.activation();
    }

    /**
     * A fill was applied: its user is a trader from now on. Takes the tree lock when the fill could change what a
     * claim sees: the user's first fill (from now on they cannot claim) or a commissionable fill of a user whose
     * referral is pending. Both happen once per user, so fills otherwise never wait for each other here. Answers
     * whether the fill activates the user's referral: then the caller locks the referrer's row (with the rest of
     * the chain, in the one order every transaction locks affiliates in) and calls {@link #activate}.
     */
    public Uni<Boolean> onFill(FillRecorded fill, boolean isCommissionable, Instant now) {
        boolean mayActivate = rule == AffiliateConfig.Activation.FIRST_FILL && isCommissionable;
        return traders.recordFill(fill.userId(), fill.fillId(), now).chain(isFirstFill -> {
            if (!mayActivate) {
                return isFirstFill ? referrals.lockTree().replaceWith(Boolean.FALSE) : Uni.createFrom().item(Boolean.FALSE);
            }
            if (isFirstFill) {
                // A claim may be committing right now: read the referral only once the lock is ours.
                return referrals.lockTree().chain(() -> referrals.isPending(fill.userId()));
            }
            // Not the first fill: no claim can add a referral now, only an activation can end a pending one.
            return referrals.isPending(fill.userId()).chain(isPending -> isPending
                    ? referrals.lockTree().replaceWith(Boolean.TRUE)
                    : Uni.createFrom().item(Boolean.FALSE));
        });
    }

    /** The fill qualifies the user's pending referral. After {@link #onFill} answered true. */
    public Uni<Void> activate(FillRecorded fill) {
        return referrals.activatePending(fill.userId(), ReferralService.ActivatedBy.FIRST_FILL, fill.fillId());
    }

    public Uni<Void> onDeviceRegistered(DeviceRegistered registered) {
        if (rule != AffiliateConfig.Activation.FIRST_DEVICE) {
            return userDevices.registered(registered.deviceId(), registered.userId(), registered.occurredAt());
        }
        // Under the tree lock, so that a referral claimed at this very moment sees the device or is activated here.
        return referrals.lockTree()
                .chain(() -> userDevices.registered(registered.deviceId(), registered.userId(), registered.occurredAt()))
                .chain(() -> userDevices.hasLinkedDevice(registered.userId()))
                .chain(isLinked -> isLinked
                        ? referrals.activatePending(registered.userId(), ReferralService.ActivatedBy.FIRST_DEVICE, null)
                        : Uni.createFrom().voidItem());
    }

    public Uni<Void> onDeviceRevoked(DeviceRevoked revoked) {
        return userDevices.revoked(revoked.deviceId(), revoked.userId(), revoked.occurredAt());
    }
}
