-- Who did what to which object, and when. Append-only.
create table audit_log (
    id          bigint generated always as identity primary key,
    actor       text        not null,
    action      text        not null,
    target      text        not null,
    details     text        not null,
    occurred_at timestamptz not null
);

create index audit_log_target on audit_log (target, id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_append_only
    before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
