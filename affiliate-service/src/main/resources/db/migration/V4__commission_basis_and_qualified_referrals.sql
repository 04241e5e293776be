-- Issue 12: commissions on what real trading earns (decision 0307).

-- The basis each commission was priced on: the fill's instrument and commissionable lots, and the fee schedule's
-- entry (PER_LOT: an amount per lot in the programme currency; NOTIONAL_RATE: a rate on lots x contract size x
-- price). Null on entries accrued before this migration (priced on notional x fee-rate) and on adjustments.
alter table commissions
    add column instrument  text,
    add column lots        numeric(20, 8) check (lots > 0),
    add column basis       text check (basis in ('PER_LOT', 'NOTIONAL_RATE')),
    add column basis_value numeric(20, 10) check (basis_value > 0),
    add column reason      text,
    add constraint commissions_basis_complete check (
        (instrument is null) = (lots is null) and (lots is null) = (basis is null)
        and (basis is null) = (basis_value is null));

-- entry_type ADJUSTMENT: an administrator's manual entry, with a reason and no fill. Positive: ACCRUED (available at
-- once) then PAID; negative: OUTSTANDING until a payout nets it (SETTLED), as a clawback entry.
alter table commissions
    alter column referred_user_id drop not null,
    alter column fill_id drop not null,
    alter column level drop not null,
    alter column tier drop not null,
    alter column rate drop not null,
    alter column fee_base drop not null,
    drop constraint commissions_entry_type_check,
    drop constraint commissions_check,
    add constraint commissions_entry_type_check check (entry_type in ('COMMISSION', 'CLAWBACK', 'ADJUSTMENT')),
    add constraint commissions_amount_and_status check (
        (entry_type = 'COMMISSION' and amount > 0 and status in ('ACCRUED', 'PAID', 'REFUNDED', 'CLAWED_BACK'))
        or (entry_type = 'CLAWBACK' and amount < 0 and status in ('OUTSTANDING', 'SETTLED'))
        or (entry_type = 'ADJUSTMENT' and amount > 0 and status in ('ACCRUED', 'PAID'))
        or (entry_type = 'ADJUSTMENT' and amount < 0 and status in ('OUTSTANDING', 'SETTLED'))),
    add constraint commissions_fill_entry_complete check (
        entry_type = 'ADJUSTMENT'
        or (fill_id is not null and referred_user_id is not null and level is not null and tier is not null
            and rate is not null and fee_base is not null)),
    add constraint commissions_adjustment_has_reason check (
        entry_type <> 'ADJUSTMENT' or (reason is not null and fill_id is null and basis is null));

-- Suspension: while suspended_at is set, no payout is requested or sent, and commissions not yet available at
-- suspended_at stay held (the ledger matures entries as of suspended_at instead of now).
alter table affiliates
    add column suspended_at      timestamptz,
    add column suspension_reason text,
    add constraint affiliates_suspension_complete check ((suspended_at is null) = (suspension_reason is null));

-- Users whose fills affiliate-service has received, commissionable or not: they can no longer claim a referrer.
create table traders (
    user_id       uuid primary key,
    first_fill_id uuid        not null,
    recorded_at   timestamptz not null
);

-- Unlinked devices (device.revoked.v1) never activate a referral under affiliates.activation=first-device.
alter table user_devices add column revoked_at timestamptz;

-- Fills of referred users that the fee schedule could not price: not guessed, listed for administrators.
create table unpriced_fills (
    fill_id     uuid primary key,
    user_id     uuid           not null,
    trade_id    text,
    instrument  text,
    lots        numeric(20, 8) not null,
    price       numeric,
    reason      text           not null check (reason in
        ('unknown-instrument', 'no-schedule-entry', 'foreign-quote-currency', 'invalid-price')),
    filled_at   timestamptz,
    recorded_at timestamptz    not null,
    busted_at   timestamptz
);

create index unpriced_fills_recent on unpriced_fills (recorded_at desc, fill_id desc);
