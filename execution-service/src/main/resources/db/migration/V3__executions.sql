-- Signals as signals.v1 announced them: the reference every report is reconciled against.
-- Sizes and prices: NUMERIC(20,8) (12 integer digits, 8 decimals), as the contracts allow.
create table signals (
    signal_id   uuid primary key,
    user_id     uuid          not null,
    instrument  text          not null,
    side        text          not null check (side in ('BUY', 'SELL')),
    size        numeric(20,8) not null check (size > 0),
    price       numeric(20,8) not null check (price > 0),
    issued_at   timestamptz   not null,
    expires_at  timestamptz,
    received_at timestamptz   not null
);

-- One execution per (signal, device). cumulative_size, average_price and notional are derived from the
-- applied fills (recomputed under the row lock whenever a fill is applied or busted).
create table executions (
    execution_id    uuid primary key,
    signal_id       uuid          not null references signals,
    device_id       uuid          not null,
    user_id         uuid          not null,
    state           text          not null check (state in
                        ('PENDING', 'ACKED', 'PARTIALLY_FILLED', 'FILLED', 'REJECTED', 'EXPIRED')),
    cumulative_size numeric(20,8) not null default 0 check (cumulative_size >= 0),
    notional        numeric(38,16) not null default 0,
    average_price   numeric(20,8),
    acknowledged_at timestamptz,
    first_fill_at   timestamptz,
    last_fill_at    timestamptz,
    failed_at       timestamptz,
    expired_at      timestamptz,
    error_code      int,
    error_message   text,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    unique (signal_id, device_id)
);

create index executions_open on executions (state) where state in ('PENDING', 'ACKED');

-- Every fill a device reported and that met its signal: APPLIED counts; QUARANTINED (overfill) and
-- FLAGGED (after a rejection or expiry) are kept for review and do not count; BUSTED was reversed by an admin.
create table fills (
    fill_id       uuid primary key,
    execution_id  uuid           not null references executions,
    signal_id     uuid           not null,
    device_id     uuid           not null,
    user_id       uuid           not null,
    trade_id      text           not null,
    size          numeric(20,8)  not null check (size > 0),
    price         numeric(20,8)  not null check (price > 0),
    notional      numeric(38,16) not null,
    filled_at     timestamptz    not null,
    received_at   timestamptz    not null,
    status        text           not null check (status in ('APPLIED', 'QUARANTINED', 'FLAGGED', 'BUSTED')),
    flag_reason   text,
    busted_at     timestamptz,
    bust_reason   text,
    unique (execution_id, trade_id)
);

create index fills_execution on fills (execution_id);

-- Every report a device sent, once per (device, report id): the dedupe key, the hash of its canonical
-- payload (same id + other payload = conflict) and the answer given, replayed verbatim to a retry.
-- A report for a signal not yet known waits here (outcome AWAITING_SIGNAL) until the signal arrives.
create table execution_reports (
    id              uuid primary key,
    device_id       uuid        not null,
    user_id         uuid        not null,
    report_id       text        not null,
    report_type     text        not null check (report_type in ('ACK', 'FILL', 'ERROR')),
    signal_id       uuid        not null,
    payload_hash    text        not null,
    payload         text        not null,
    fill_id         uuid,
    outcome         text        not null,
    response_status int         not null,
    response_body   text        not null,
    received_at     timestamptz not null,
    reconciled_at   timestamptz,
    unique (device_id, report_id)
);

create index execution_reports_awaiting on execution_reports (signal_id, received_at) where outcome = 'AWAITING_SIGNAL';
