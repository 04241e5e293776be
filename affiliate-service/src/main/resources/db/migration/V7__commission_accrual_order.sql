-- The entries of one accrual batch share created_at and available_at (decision 0308), so time alone cannot say
-- which is older; a payout pays the oldest first, in the order they were written.
alter table commissions add column accrual_order bigint generated always as identity;

drop index commissions_unpaid;
create index commissions_unpaid on commissions (referrer_id, available_at, accrual_order) where status = 'ACCRUED';
