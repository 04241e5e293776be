-- Orders that end and positions with P&L (docs/execution-service.md, "State machine"; decision 0209).

-- What the later signals.v1 events changed: a pending order's price and its SL/TP (signal.modified.v1), its withdrawal
-- (signal.cancelled.v1). Signals stored before this release were MARKET orders as far as anyone can tell.
alter table signals add column order_type text not null default 'MARKET' check (order_type in ('MARKET', 'LIMIT', 'STOP'));
alter table signals add column stop_loss numeric(20,8);
alter table signals add column take_profit numeric(20,8);
alter table signals add column cancelled_at timestamptz;
-- The lots of the user's applied closing fills that earn commission: at most what the opening fills earned.
alter table signals add column closing_commissionable_size numeric(20,8) not null default 0
    check (closing_commissionable_size >= 0);
-- Set once the user's devices were found to diverge on this signal, so that it is announced once.
alter table signals add column diverged_at timestamptz;
-- The divergence watch looks only at recent signals not announced yet.
create index signals_not_diverged on signals (received_at) where diverged_at is null;

alter table executions drop constraint executions_state_check;
alter table executions add constraint executions_state_check check (state in ('PENDING', 'ACKED', 'PLACED',
    'PARTIALLY_FILLED', 'FILLED', 'CLOSING', 'CLOSED', 'CANCELLED', 'REJECTED', 'EXPIRED', 'DONE'));
-- The broker order as the terminal reported it.
alter table executions add column broker_order_id text;
alter table executions add column placed_at timestamptz;
alter table executions add column stop_loss numeric(20,8);
alter table executions add column take_profit numeric(20,8);
alter table executions add column modified_at timestamptz;
alter table executions add column cancelled_at timestamptz;
alter table executions add column cancel_reason text;
alter table executions add column done_at timestamptz;
alter table executions add column closed_at timestamptz;
-- The position: sums of the applied closing fills (kept under the execution's row lock, like cumulative_size).
alter table executions add column closed_size numeric(20,8) not null default 0 check (closed_size >= 0);
alter table executions add column exit_notional numeric(38,16) not null default 0;
alter table executions add column realized_pnl numeric(38,8);
alter table executions add column reported_profit numeric(38,8);

-- The expiry sweep now also ends PLACED and PARTIALLY_FILLED orders.
drop index executions_open;
create index executions_working on executions (state) where state in ('PENDING', 'ACKED', 'PLACED', 'PARTIALLY_FILLED');
-- A device's open positions, read by each position snapshot it sends.
create index executions_open_positions on executions (device_id) where cumulative_size > closed_size;

-- Every closing deal a device reported: APPLIED counts for the position; QUARANTINED (more than was open) and
-- FLAGGED (off the lot step) are kept for review. realized_pnl is in the quote currency; commission, swap and profit
-- are the terminal's, in the account currency, when it sent them.
create table closing_fills (
    closing_fill_id     uuid primary key,
    execution_id        uuid          not null references executions,
    signal_id           uuid          not null,
    device_id           uuid          not null,
    user_id             uuid          not null,
    ticket              text          not null,
    lots                numeric(20,8) not null check (lots > 0),
    price               numeric(20,8) not null check (price > 0),
    realized_pnl        numeric(38,8),
    commissionable_size numeric(20,8) not null default 0 check (commissionable_size >= 0 and commissionable_size <= lots),
    commission          numeric(20,8),
    swap                numeric(20,8),
    profit              numeric(20,8),
    closed_at           timestamptz   not null,
    received_at         timestamptz   not null,
    status              text          not null check (status in ('APPLIED', 'QUARANTINED', 'FLAGGED')),
    flag_reason         text,
    unique (execution_id, ticket)
);

-- A disagreement between a terminal's position snapshot and the records, once per (device, signal, figures).
create table position_mismatches (
    id            uuid primary key,
    device_id     uuid          not null,
    user_id       uuid          not null,
    signal_id     uuid          not null,
    execution_id  uuid,
    platform_lots numeric(20,8) not null,
    terminal_lots numeric(20,8) not null,
    detected_at   timestamptz   not null,
    unique (device_id, signal_id, platform_lots, terminal_lots)
);

-- New report types; a position snapshot is about no one signal.
alter table execution_reports drop constraint execution_reports_report_type_check;
alter table execution_reports add constraint execution_reports_report_type_check check (report_type in
    ('ACK', 'FILL', 'ERROR', 'PLACED', 'CANCELLED', 'MODIFIED', 'CLOSE_FILL', 'POSITIONS'));
alter table execution_reports alter column signal_id drop not null;
