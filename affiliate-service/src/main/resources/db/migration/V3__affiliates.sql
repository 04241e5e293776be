-- The affiliate programme: affiliates, the referral tree, the commission ledger and payouts (seed PR-024).
-- Money is NUMERIC(20,8): 8 decimal places, rounded HALF_EVEN once at the end of each computation.

-- One row per user who enabled the programme. The balance columns are the ledger's running totals,
-- updated in the transaction of every ledger change, under a lock on this row:
--   total_commission       earned: every commission accrued and not refunded
--   pending_commission     held + available: owed to the affiliate, not yet in a payout (net of clawbacks)
--   reserved_commission    in payouts that are pending or processing
--   paid_commission        in completed payouts
--   clawed_back_commission sum of the clawback entries (negative entries, so <= 0)
create table affiliates (
    id                     uuid primary key,
    user_id                uuid           not null unique,
    referral_token         varchar(32)    not null unique,
    commission_tier        int            not null default 0 check (commission_tier >= 0),
    activated_referrals    int            not null default 0 check (activated_referrals >= 0),
    total_commission       numeric(20, 8) not null default 0,
    pending_commission     numeric(20, 8) not null default 0,
    reserved_commission    numeric(20, 8) not null default 0 check (reserved_commission >= 0),
    paid_commission        numeric(20, 8) not null default 0 check (paid_commission >= 0),
    clawed_back_commission numeric(20, 8) not null default 0 check (clawed_back_commission <= 0),
    created_at             timestamptz    not null,
    updated_at             timestamptz    not null,
    constraint affiliates_balance_identity check (total_commission
        = pending_commission + reserved_commission + paid_commission - clawed_back_commission)
);

-- Who referred whom. A user has at most one referrer, forever; the tree never has a cycle.
create table referrals (
    id               uuid primary key,
    referrer_id      uuid        not null references affiliates (user_id),
    referred_user_id uuid        not null unique,
    status           text        not null check (status in ('PENDING', 'ACTIVATED')),
    created_at       timestamptz not null,
    activated_at     timestamptz,
    check (referrer_id <> referred_user_id),
    check ((status = 'ACTIVATED') = (activated_at is not null))
);

create index referrals_referrer on referrals (referrer_id, created_at desc, id desc);

-- Requests to pay out available commission. The amount is reserved from the balance when requested.
create table commission_payouts (
    id                    uuid primary key,
    referrer_id           uuid           not null references affiliates (user_id),
    amount                numeric(20, 8) not null check (amount > 0),
    currency              char(3)        not null,
    status                text           not null check (status in ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED')),
    idempotency_key       varchar(64),
    failure_reason        text,
    reference             varchar(64),
    attempts              int            not null default 0,
    created_at            timestamptz    not null,
    updated_at            timestamptz    not null,
    processing_started_at timestamptz,
    paid_at               timestamptz,
    unique (referrer_id, idempotency_key)
);

create index commission_payouts_referrer on commission_payouts (referrer_id, created_at desc, id desc);
create index commission_payouts_status on commission_payouts (status, created_at, id);

-- The commission ledger. entry_type COMMISSION: a positive accrual from one fill to one beneficiary at one
-- level (ACCRUED -> PAID, or REFUNDED / CLAWED_BACK when the fill is busted). entry_type CLAWBACK: the
-- negative entry a bust of a PAID commission leaves, netted against the next payout (OUTSTANDING -> SETTLED).
create table commissions (
    id               uuid primary key,
    referrer_id      uuid           not null references affiliates (user_id),
    referred_user_id uuid           not null,
    fill_id          uuid           not null,
    trade_id         text,
    entry_type       text           not null check (entry_type in ('COMMISSION', 'CLAWBACK')),
    level            int            not null check (level >= 1),
    tier             int            not null check (tier >= 0),
    rate             numeric(10, 8) not null check (rate >= 0 and rate <= 1),
    fee_base         numeric(20, 8) not null check (fee_base >= 0),
    amount           numeric(20, 8) not null,
    currency         char(3)        not null,
    status           text           not null check (status in
        ('ACCRUED', 'PAID', 'REFUNDED', 'CLAWED_BACK', 'OUTSTANDING', 'SETTLED')),
    created_at       timestamptz    not null,
    available_at     timestamptz    not null,
    paid_at          timestamptz,
    reversed_at      timestamptz,
    payout_id        uuid references commission_payouts (id),
    check ((entry_type = 'COMMISSION' and amount > 0 and status in ('ACCRUED', 'PAID', 'REFUNDED', 'CLAWED_BACK'))
        or (entry_type = 'CLAWBACK' and amount < 0 and status in ('OUTSTANDING', 'SETTLED'))),
    unique (fill_id, referrer_id, level, entry_type)
);

create index commissions_referrer on commissions (referrer_id, created_at desc, id desc);
create index commissions_unpaid on commissions (referrer_id, available_at, id) where status = 'ACCRUED';
