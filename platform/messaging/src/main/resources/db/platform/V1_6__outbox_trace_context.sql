-- The W3C traceparent of the transaction that wrote the event (null outside a trace, and for events written before):
-- the relay publishes the event as a child of it, so one trace runs from the request or record that caused the
-- event through Kafka into its consumers.
-- On a database created before it, this runs after the service's own migrations (quarkus.flyway.out-of-order).
alter table outbox_events add column traceparent text;
