package com.tradesignals.affiliate;

import com.tradesignals.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;

/** The programme's problem types (docs/problems.md). */
public final class AffiliateProblems {

    /** 422: the request is well-formed but the programme's rules refuse it. */
    private static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private AffiliateProblems() {
    }

    public static ProblemException notAnAffiliate() {
        return new ProblemException(Response.Status.NOT_FOUND, "not-an-affiliate", "Not an affiliate",
                "Register for the affiliate programme first (POST /api/v1/affiliates/register)");
    }

    public static ProblemException unknownReferralToken() {
        return new ProblemException(UNPROCESSABLE, "unknown-referral-token", "Unknown referral token",
                "No affiliate has this referral token");
    }

    public static ProblemException selfReferral() {
        return new ProblemException(UNPROCESSABLE, "self-referral", "Self-referral",
                "A user cannot claim their own referral link");
    }

    public static ProblemException referralCycle() {
        return new ProblemException(UNPROCESSABLE, "referral-cycle", "Referral cycle",
                "The owner of this link was referred, directly or further down, by you");
    }

    public static ProblemException referrerAlreadySet() {
        return ProblemException.conflict("referrer-already-set", "Referrer already set",
                "You already have a referrer; a referral is bound for life");
    }

    public static ProblemException alreadyTrading() {
        return new ProblemException(UNPROCESSABLE, "already-trading", "Already trading",
                "You have traded already; a referrer can only be claimed before your first trade");
    }

    public static ProblemException affiliateSuspended() {
        return new ProblemException(UNPROCESSABLE, "affiliate-suspended", "Affiliate suspended",
                "Your affiliate account is suspended: no payout until the suspension is lifted");
    }

    public static ProblemException suspensionStatusConflict(String detail) {
        return ProblemException.conflict("suspension-status-conflict", "Suspension status conflict", detail);
    }

    public static ProblemException payoutBelowMinimum(BigDecimal minimum, String currency) {
        return new ProblemException(UNPROCESSABLE, "payout-below-minimum", "Payout below minimum",
                "The smallest payout is " + minimum.toPlainString() + " " + currency);
    }

    public static ProblemException insufficientAvailableBalance(BigDecimal available, String currency) {
        return new ProblemException(UNPROCESSABLE, "insufficient-available-balance", "Insufficient available balance",
                "The available balance is " + available.toPlainString() + " " + currency);
    }

    public static ProblemException idempotencyKeyReused() {
        return ProblemException.conflict("idempotency-key-reused", "Idempotency key reused",
                "This Idempotency-Key was used for a request with a different body");
    }

    /** 404 of {@code GET /payout-method}: the generic not-found type, with a detail that says what to do. */
    public static ProblemException payoutMethodNotSet() {
        return new ProblemException(Response.Status.NOT_FOUND, "not-found", "Not found",
                "No payout method is set: PUT /api/v1/affiliates/payout-method");
    }

    public static ProblemException noPayoutMethod() {
        return new ProblemException(UNPROCESSABLE, "no-payout-method", "No payout method",
                "Set where payouts go first (PUT /api/v1/affiliates/payout-method)");
    }

    public static ProblemException payoutStatusConflict(String detail) {
        return ProblemException.conflict("payout-status-conflict", "Payout status conflict", detail);
    }
}
