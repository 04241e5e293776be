-- Fills are untrusted input (docs/execution-service.md, "Plausibility and review").

-- A MARKET signal may come without a reference price: its fills are held for review before they earn commission.
-- commissionable_size: the lots of the user's applied fills on this signal that earn commission, capped at a
-- multiple of the signal's size (copies of one signal on several devices), kept under the signal's row lock.
alter table signals alter column price drop not null;
alter table signals add column commissionable_size numeric(20,8) not null default 0
    check (commissionable_size >= 0);

-- HELD: applied to its execution, its commission held for review (no reference price). REJECTED: an administrator
-- refused a held, flagged or quarantined fill: it never counts.
alter table fills drop constraint fills_status_check;
alter table fills add constraint fills_status_check
    check (status in ('APPLIED', 'HELD', 'QUARANTINED', 'FLAGGED', 'REJECTED', 'BUSTED'));
-- The side the device reported, if it sent one; the lots of this fill that earn commission.
alter table fills add column reported_side text check (reported_side in ('BUY', 'SELL'));
alter table fills add column commissionable_size numeric(20,8) not null default 0
    check (commissionable_size >= 0 and commissionable_size <= size);
alter table fills add column reviewed_at timestamptz;
alter table fills add column reviewed_by uuid;
alter table fills add column review_reason text;

-- Until now every applied fill earned on all of its lots.
update fills set commissionable_size = size where status = 'APPLIED';
update signals s set commissionable_size = applied.lots
from (select signal_id, sum(size) as lots from fills where status = 'APPLIED' group by signal_id) applied
where applied.signal_id = s.signal_id;

-- The review queue, oldest first.
create index fills_awaiting_review on fills (received_at, fill_id) where status in ('HELD', 'QUARANTINED', 'FLAGGED');
