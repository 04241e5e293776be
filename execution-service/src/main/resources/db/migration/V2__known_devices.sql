-- What execution-service knows of devices, from devices.lifecycle.v1: enough to verify their signatures
-- locally and to reject a revoked device, while device-service may be down.
create table known_devices (
    device_id                uuid primary key,
    user_id                  uuid        not null,
    is_active                boolean     not null,
    key_version              int         not null,
    previous_key_version     int,
    previous_key_valid_until timestamptz,
    updated_at               timestamptz not null
);

create index known_devices_user on known_devices (user_id);
