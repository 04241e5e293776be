-- How each device trades, from device.settings-changed.v1 (docs/device-service.md, "Per-device settings"): a paused
-- device, or one whose allow-list leaves a signal's instrument out, is not given the signal; the others trade their own
-- lots (shared-contracts' DeviceSizing).
alter table known_devices
    add column is_paused           boolean not null default false,
    add column lot_multiplier      numeric(12,4),
    add column fixed_lots          numeric(20,8),
    add column max_lots            numeric(20,8),
    add column allowed_instruments text[];

-- The lots this device was asked to trade of the signal when its execution began (null before this release: the
-- signal's): what its fills are checked against (overfill), what fills it, what is left.
alter table executions add column requested_size numeric(20,8) check (requested_size > 0);
