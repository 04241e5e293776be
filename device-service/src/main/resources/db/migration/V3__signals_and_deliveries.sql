-- Per-device delivery cursor. next_sequence is the last sequence number handed to a delivery of this device
-- (incremented under the row lock of the fan-out), last_ack_sequence the highest one the device acknowledged.
alter table devices
    add column next_sequence     bigint not null default 0 check (next_sequence >= 0),
    add column last_ack_sequence bigint not null default 0 check (last_ack_sequence between 0 and next_sequence);

-- Signals received from signals.v1, once per signal id. Prices and sizes keep the contract's 8 decimal places.
-- is_awaiting_device: the user had no active device when it arrived; the first device the user registers
-- before expires_at receives it.
create table signals (
    signal_id          uuid primary key,
    user_id            uuid           not null,
    instrument         text           not null,
    side               text           not null,
    order_type         text           not null,
    size               numeric(30, 8) not null,
    price              numeric(30, 8),
    stop_loss          numeric(30, 8),
    take_profit        numeric(30, 8),
    issued_at          timestamptz    not null,
    expires_at         timestamptz    not null,
    received_at        timestamptz    not null,
    is_awaiting_device boolean        not null default false
);

create index signals_awaiting_device on signals (user_id, expires_at) where is_awaiting_device;
create index signals_expiry on signals (expires_at);

-- One row per (device, signal): what the device is handed when it polls, in sequence order.
-- Acknowledged = sequence <= devices.last_ack_sequence; cancelled when the device was unlinked before it.
create table deliveries (
    device_id    uuid        not null references devices (id),
    sequence     bigint      not null check (sequence >= 1),
    signal_id    uuid        not null references signals (signal_id),
    created_at   timestamptz not null,
    cancelled_at timestamptz,
    primary key (device_id, sequence),
    unique (device_id, signal_id)
);

create index deliveries_signal on deliveries (signal_id);
