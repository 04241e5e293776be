-- Devices users registered, from devices.lifecycle.v1: a referral activates with the referred user's first device.
create table user_devices (
    device_id     uuid primary key,
    user_id       uuid        not null,
    registered_at timestamptz not null
);

create index user_devices_user on user_devices (user_id, registered_at);
