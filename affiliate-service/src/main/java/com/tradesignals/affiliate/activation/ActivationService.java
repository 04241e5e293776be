package com.tradesignals.affiliate.activation;

import com.tradesignals.affiliate.AffiliateConfig;
import com.tradesignals.affiliate.referral.ReferralService;
import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.contracts.events.devices.DeviceRevoked;
import com.tradesignals.contracts.events.executions.FillRecorded;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

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
     * Fills were applied (a batch, in order): their users are traders from now on. Takes the tree lock when a fill
     * could change what a claim sees: a user's first fill (from now on they cannot claim) or a commissionable fill
     * of a user whose referral is pending. Both happen once per user, so fills otherwise never wait for each other
     * here. Answers the users whose referral one of these fills activates (their first commissionable fill): the
     * caller locks their referrers' rows (with the rest of the chains, in the one order every transaction locks
     * affiliates in) and calls {@link #activate} with that fill, before accruing it.
     */
    public Uni<Set<UUID>> onFills(List<FillRecorded> fills, Predicate<FillRecorded> isCommissionable, Instant now) {
        if (fills.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Map<UUID, UUID> firstFillByUser = new LinkedHashMap<>();
        Set<UUID> mayActivate = new LinkedHashSet<>();
        for (FillRecorded fill : fills) {
            firstFillByUser.putIfAbsent(fill.userId(), fill.fillId());
            if (rule == AffiliateConfig.Activation.FIRST_FILL && isCommissionable.test(fill)) {
                mayActivate.add(fill.userId());
            }
        }
        return traders.recordFirstFills(firstFillByUser, now).chain(firstFillUsers -> {
            if (!firstFillUsers.isEmpty()) {
                // A claim may be committing right now: read the referrals only once the lock is ours.
                return referrals.lockTree().chain(() -> pendingAmong(mayActivate));
            }
            // No first fill: no claim can add a referral now, only an activation can end a pending one.
            return pendingAmong(mayActivate).call(pending -> pending.isEmpty() ? Uni.createFrom().voidItem()
                    : referrals.lockTree());
        });
    }

    private Uni<Set<UUID>> pendingAmong(Set<UUID> userIds) {
        return userIds.isEmpty() ? Uni.createFrom().item(Set.of()) : referrals.pendingAmong(userIds);
    }

    /** The fill qualifies the user's pending referral. After {@link #onFills} answered its user. */
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
