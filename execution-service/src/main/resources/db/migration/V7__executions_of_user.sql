-- A user's execution history is read newest first on (created_at, execution_id), page after page from a cursor:
-- one index range per page, whatever the filters that narrow it further.
create index executions_of_user on executions (user_id, created_at desc, execution_id desc);
