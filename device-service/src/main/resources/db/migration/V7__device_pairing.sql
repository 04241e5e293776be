-- A terminal asks to be paired (like the OAuth 2.0 device authorization grant, RFC 8628) and the user approves it
-- in their app by typing the short user code; the terminal then collects its key with the long device code. Only
-- SHA-256 hashes of the two codes are kept, never the codes, and never a secret: the device's secret is derived
-- from the master key again when the terminal collects it. Rows are deleted a code lifetime after they expire.
create table device_pairings (
    id               uuid primary key,
    device_code_hash text        not null unique,
    user_code_hash   text        not null,
    created_at       timestamptz not null,
    -- Pending: when the user code stops being accepted. Approved: when the key can no longer be collected.
    expires_at       timestamptz not null,
    last_polled_at   timestamptz,
    approved_by      uuid,
    approved_at      timestamptz,
    device_id        uuid references devices (id),
    collected_at     timestamptz,
    check ((approved_at is null) = (device_id is null) and (approved_at is null) = (approved_by is null)),
    check (collected_at is null or approved_at is not null)
);

-- Approval looks a pending code up by its hash; the cap on pending pairings and the purge read expires_at.
create index device_pairings_pending_user_code on device_pairings (user_code_hash) where approved_at is null;
create index device_pairings_expiry on device_pairings (expires_at);

-- Wrong user codes a user entered, to refuse guessing: counted over devices.pairing.failed-attempt-window.
create table device_pairing_failures (
    id        uuid primary key,
    user_id   uuid        not null,
    failed_at timestamptz not null
);

create index device_pairing_failures_user on device_pairing_failures (user_id, failed_at);
