-- Where payouts go (issue 12, part 4). One payout method per affiliate, encrypted by the service with AES-256-GCM:
-- the database holds ciphertext, the nonce and the id of the key, never the account itself. kind and masked
-- (e.g. DE****3000) are what may be shown and audited.
create table payout_methods (
    user_id    uuid primary key references affiliates (user_id),
    kind       text        not null check (kind in ('BANK_TRANSFER', 'PAYPAL', 'CRYPTO')),
    masked     text        not null,
    key_id     varchar(32) not null,
    nonce      bytea       not null check (octet_length(nonce) = 12),
    ciphertext bytea       not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

-- A payout keeps a copy of the payout method it was requested with (a later change does not redirect it).
-- Payouts requested before this migration have none; the job fails them, and their funds return.
alter table commission_payouts
    add column payout_method_kind       text check (payout_method_kind in ('BANK_TRANSFER', 'PAYPAL', 'CRYPTO')),
    add column payout_method_masked     text,
    add column payout_method_key_id     varchar(32),
    add column payout_method_nonce      bytea check (octet_length(payout_method_nonce) = 12),
    add column payout_method_ciphertext bytea,
    add constraint commission_payouts_payout_method_whole check (
        (payout_method_kind is null and payout_method_masked is null and payout_method_key_id is null
            and payout_method_nonce is null and payout_method_ciphertext is null)
        or (payout_method_kind is not null and payout_method_masked is not null and payout_method_key_id is not null
            and payout_method_nonce is not null and payout_method_ciphertext is not null));
