package com.tradesignals.affiliate.referral;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * What a claim needs to know of the claimant's activity. The activation feature records fills and devices and
 * answers this (decision 0307); the referral tree only asks, so it does not depend on how activity is recorded. Both
 * run in the claim's transaction, under the tree lock.
 */
public interface ClaimantActivity {

    /** Whether a fill of the user was received: a trader can no longer claim a referrer. */
    Uni<Boolean> hasTraded(UUID userId);

    /**
     * Whether the user's referral qualifies as soon as it is claimed: under {@code affiliates.activation=first-device}
     * when they have a linked device; never under {@code first-fill}, since a trader cannot claim.
     */
    Uni<Boolean> qualifiesOnClaim(UUID userId);
}
