-- The relay deletes an event once Kafka has acknowledged it (Kafka keeps the published ones): the table holds only
-- what is waiting, so it stays small however many events pass through, and publishing costs a delete instead of an
-- update that rewrote the whole row and its index entries. Event ids are random UUIDs and consumers dedupe by them,
-- so the unique index on them only cost every event an index entry to write and vacuum.
-- On a database created before it, this runs after the service's own migrations (quarkus.flyway.out-of-order).
delete from outbox_events where published_at is not null;
drop index outbox_events_unpublished;
alter table outbox_events drop column published_at;
alter table outbox_events drop constraint outbox_events_event_id_key;
