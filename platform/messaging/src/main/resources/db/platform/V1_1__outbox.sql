-- Events waiting for the relay, written in the transaction of the change they announce.
create table outbox_events (
    position     bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    event_type   text        not null,
    topic        text        not null,
    record_key   text        not null,
    payload      text        not null,
    occurred_at  timestamptz not null,
    published_at timestamptz
);

create index outbox_events_unpublished on outbox_events (position) where published_at is null;
