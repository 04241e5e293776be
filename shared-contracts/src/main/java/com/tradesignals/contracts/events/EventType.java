package com.tradesignals.contracts.events;

import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.affiliates.AdjustmentMade;
import com.tradesignals.contracts.events.affiliates.AffiliateSuspended;
import com.tradesignals.contracts.events.affiliates.AffiliateUnsuspended;
import com.tradesignals.contracts.events.affiliates.CommissionAccrued;
import com.tradesignals.contracts.events.affiliates.CommissionClawedBack;
import com.tradesignals.contracts.events.affiliates.CommissionRefunded;
import com.tradesignals.contracts.events.affiliates.CommissionsPaid;
import com.tradesignals.contracts.events.affiliates.PayoutStatusChanged;
import com.tradesignals.contracts.events.affiliates.ReferralActivated;
import com.tradesignals.contracts.events.affiliates.ReferralClaimed;
import com.tradesignals.contracts.events.affiliates.TierChanged;
import com.tradesignals.contracts.events.devices.DeviceKeyRotated;
import com.tradesignals.contracts.events.devices.DeviceMissedSignals;
import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.contracts.events.devices.DeviceRenamed;
import com.tradesignals.contracts.events.devices.DeviceRevoked;
import com.tradesignals.contracts.events.devices.DeviceSettingsChanged;
import com.tradesignals.contracts.events.executions.ClosingFillRecorded;
import com.tradesignals.contracts.events.executions.DevicesDiverged;
import com.tradesignals.contracts.events.executions.ExecutionCancelled;
import com.tradesignals.contracts.events.executions.ExecutionDone;
import com.tradesignals.contracts.events.executions.ExecutionExpired;
import com.tradesignals.contracts.events.executions.ExecutionFailed;
import com.tradesignals.contracts.events.executions.ExecutionPlaced;
import com.tradesignals.contracts.events.executions.FillBusted;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.contracts.events.executions.FillReviewed;
import com.tradesignals.contracts.events.executions.PositionClosed;
import com.tradesignals.contracts.events.executions.PositionMismatch;
import com.tradesignals.contracts.events.executions.SignalAcknowledged;
import com.tradesignals.contracts.events.signals.SignalCancelled;
import com.tradesignals.contracts.events.signals.SignalCloseRequested;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.events.signals.SignalModified;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type: its CloudEvents {@code type}, the topic it travels on and the record that is its
 * {@code data}. Types end in their version; a breaking change is a new type, never an edit of an old one.
 */
public enum EventType {
    SIGNAL_ISSUED("signal.issued.v1", Topics.SIGNALS, SignalIssued.class),
    SIGNAL_MODIFIED("signal.modified.v1", Topics.SIGNALS, SignalModified.class),
    SIGNAL_CANCELLED("signal.cancelled.v1", Topics.SIGNALS, SignalCancelled.class),
    SIGNAL_CLOSE_REQUESTED("signal.close-requested.v1", Topics.SIGNALS, SignalCloseRequested.class),
    DEVICE_REGISTERED("device.registered.v1", Topics.DEVICES_LIFECYCLE, DeviceRegistered.class),
    DEVICE_RENAMED("device.renamed.v1", Topics.DEVICES_LIFECYCLE, DeviceRenamed.class),
    DEVICE_KEY_ROTATED("device.key-rotated.v1", Topics.DEVICES_LIFECYCLE, DeviceKeyRotated.class),
    DEVICE_REVOKED("device.revoked.v1", Topics.DEVICES_LIFECYCLE, DeviceRevoked.class),
    DEVICE_SETTINGS_CHANGED("device.settings-changed.v1", Topics.DEVICES_LIFECYCLE, DeviceSettingsChanged.class),
    DEVICE_MISSED_SIGNALS("device.missed-signals.v1", Topics.DEVICES_LIFECYCLE, DeviceMissedSignals.class),
    EXECUTION_ACKNOWLEDGED("execution.acknowledged.v1", Topics.EXECUTIONS, SignalAcknowledged.class),
    EXECUTION_FILL_RECORDED("execution.fill-recorded.v1", Topics.EXECUTIONS, FillRecorded.class),
    EXECUTION_FAILED("execution.failed.v1", Topics.EXECUTIONS, ExecutionFailed.class),
    EXECUTION_FILL_BUSTED("execution.fill-busted.v1", Topics.EXECUTIONS, FillBusted.class),
    EXECUTION_FILL_REVIEWED("execution.fill-reviewed.v1", Topics.EXECUTIONS, FillReviewed.class),
    EXECUTION_PLACED("execution.placed.v1", Topics.EXECUTIONS, ExecutionPlaced.class),
    EXECUTION_CANCELLED("execution.cancelled.v1", Topics.EXECUTIONS, ExecutionCancelled.class),
    EXECUTION_EXPIRED("execution.expired.v1", Topics.EXECUTIONS, ExecutionExpired.class),
    EXECUTION_DONE("execution.done.v1", Topics.EXECUTIONS, ExecutionDone.class),
    EXECUTION_CLOSING_FILL_RECORDED("execution.closing-fill-recorded.v1", Topics.EXECUTIONS, ClosingFillRecorded.class),
    EXECUTION_POSITION_CLOSED("execution.position-closed.v1", Topics.EXECUTIONS, PositionClosed.class),
    EXECUTION_POSITION_MISMATCH("execution.position-mismatch.v1", Topics.EXECUTIONS, PositionMismatch.class),
    EXECUTION_DEVICES_DIVERGED("execution.devices-diverged.v1", Topics.EXECUTIONS, DevicesDiverged.class),
    AFFILIATE_COMMISSION_ACCRUED("affiliate.commission-accrued.v1", Topics.AFFILIATES, CommissionAccrued.class),
    AFFILIATE_PAYOUT_STATUS_CHANGED("affiliate.payout-status-changed.v1", Topics.AFFILIATES, PayoutStatusChanged.class),
    AFFILIATE_REFERRAL_CLAIMED("affiliate.referral-claimed.v1", Topics.AFFILIATES, ReferralClaimed.class),
    AFFILIATE_REFERRAL_ACTIVATED("affiliate.referral-activated.v1", Topics.AFFILIATES, ReferralActivated.class),
    AFFILIATE_TIER_CHANGED("affiliate.tier-changed.v1", Topics.AFFILIATES, TierChanged.class),
    AFFILIATE_COMMISSION_REFUNDED("affiliate.commission-refunded.v1", Topics.AFFILIATES, CommissionRefunded.class),
    AFFILIATE_COMMISSION_CLAWED_BACK("affiliate.commission-clawed-back.v1", Topics.AFFILIATES,
            CommissionClawedBack.class),
    AFFILIATE_COMMISSIONS_PAID("affiliate.commissions-paid.v1", Topics.AFFILIATES, CommissionsPaid.class),
    AFFILIATE_ADJUSTMENT_MADE("affiliate.adjustment-made.v1", Topics.AFFILIATES, AdjustmentMade.class),
    AFFILIATE_SUSPENDED("affiliate.suspended.v1", Topics.AFFILIATES, AffiliateSuspended.class),
    AFFILIATE_UNSUSPENDED("affiliate.unsuspended.v1", Topics.AFFILIATES, AffiliateUnsuspended.class);

    private final String type;
    private final String topic;
    private final Class<? extends IntegrationEvent> dataClass;

    EventType(String type, String topic, Class<? extends IntegrationEvent> dataClass) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends IntegrationEvent> dataClass() {
        return dataClass;
    }

    public static Optional<EventType> fromType(String type) {
        return Arrays.stream(values()).filter(eventType -> eventType.type.equals(type)).findFirst();
    }

    public static EventType of(IntegrationEvent event) {
        return Arrays.stream(values())
                .filter(eventType -> eventType.dataClass == event.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + event.getClass()));
    }
}
