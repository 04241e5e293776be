-- The test consumer's effect: one row per device rename it applied.
create table renamed_devices (
    device_id uuid not null,
    name      text not null
);
