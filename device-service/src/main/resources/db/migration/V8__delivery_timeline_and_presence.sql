-- A delivery's timeline beside created_at: when a poll first answered it (first_handed_at) and when a poll's cursor
-- acknowledged it (acknowledged_at). Both are written by the poll statement itself; rows acknowledged before this
-- migration keep them null (acknowledged is still sequence <= devices.last_ack_sequence).
alter table deliveries
    add column first_handed_at timestamptz,
    add column acknowledged_at timestamptz;

-- Presence: last_seen_at is when a poll of the device last started or was answered (to within
-- devices.presence.write-interval). missed_signals_announced_at marks a silent spell already announced as
-- device.missed-signals.v1; the device's next poll clears it.
alter table devices
    add column last_seen_at                timestamptz,
    add column missed_signals_announced_at timestamptz;

create index devices_unannounced_silence on devices (coalesce(last_seen_at, created_at))
    where is_active and missed_signals_announced_at is null;
