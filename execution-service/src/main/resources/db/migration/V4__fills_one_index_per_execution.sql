-- unique (execution_id, trade_id) already serves every lookup by execution_id: the second index only cost each
-- fill insert (and vacuum) another index to maintain.
drop index fills_execution;
