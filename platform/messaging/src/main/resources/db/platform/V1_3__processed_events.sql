-- Event ids each consumer has applied, recorded in the transaction of the effect: the dedupe key.
create table processed_events (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
