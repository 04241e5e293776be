-- A user's trading terminals. Rows are never deleted: an unlinked device stays, inactive, as history.
create table devices (
    id           uuid primary key,
    user_id      uuid        not null,
    name         text        not null check (length(name) between 1 and 100),
    is_active    boolean     not null default true,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    revoked_at   timestamptz,
    last_poll_at timestamptz,
    last_ack_at  timestamptz
);

create index devices_user on devices (user_id, created_at);

-- Key versions of a device. The secret itself is derived from the master key and never stored:
-- the fingerprint (SHA-256 of the secret) proves which secret was issued, and is unique.
create table device_keys (
    device_id   uuid        not null references devices (id),
    key_version int         not null check (key_version >= 1),
    fingerprint text        not null unique,
    created_at  timestamptz not null,
    valid_until timestamptz,
    primary key (device_id, key_version)
);
