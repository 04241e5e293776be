-- Nonces of signed device requests seen within the clock-skew window: each is accepted once per key,
-- across all replicas of a service. Rows past expires_at are purged. (Unused by services without devices.)
create table device_request_nonces (
    kid        text        not null,
    nonce      text        not null,
    expires_at timestamptz not null,
    primary key (kid, nonce)
);

create index device_request_nonces_expiry on device_request_nonces (expires_at);
