-- How each device trades (docs/device-service.md, "Per-device settings"); a device without a row trades every
-- signal as issued. symbol_map: a JSON object of platform symbol to the broker's symbol; allowed_instruments: a JSON
-- array of platform symbols, null for every instrument. Lots follow shared-contracts' DeviceSizing.
create table device_settings (
    device_id           uuid primary key references devices (id),
    user_id             uuid          not null,
    is_paused           boolean       not null default false,
    lot_multiplier      numeric(12,4) check (lot_multiplier > 0),
    fixed_lots          numeric(20,8) check (fixed_lots > 0),
    max_lots            numeric(20,8) check (max_lots > 0),
    symbol_map          text          not null default '{}',
    allowed_instruments text,
    updated_at          timestamptz   not null,
    check (lot_multiplier is null or fixed_lots is null)
);

create index device_settings_of_user on device_settings (user_id);

-- What a delivery asks this device to trade: the broker's symbol and the device's lots (null in deliveries made
-- before settings existed: the signal's).
alter table deliveries add column symbol text, add column lots numeric(20,8);
