-- Reports waiting for their signal expire after execution.orphans.max-wait and are deleted after a retention; both
-- jobs take the oldest rows in bounded batches, so each needs its rows in time order.
create index execution_reports_awaiting_since on execution_reports (received_at) where outcome = 'AWAITING_SIGNAL';
create index execution_reports_never_arrived on execution_reports (reconciled_at) where outcome = 'SIGNAL_NEVER_ARRIVED';
