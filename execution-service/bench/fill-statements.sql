-- pgbench script: the SQL one accepted fill costs in execution-service (device authentication, then the report
-- transaction: begin, the reads, the writes pipelined, commit), against the same tables. The execution exists, as the
-- signal consumer opened it when the signal arrived. Used by FillBenchmark (with -M prepared, as the service's
-- statements are) as the database's ceiling for fill ingestion. pgbench cannot \gset inside a pipeline, so the
-- execution's locking read is a round trip of its own here.
\set d random(0, :devices - 1)
\set s random(0, :signals - 1)
\set r random(1, 1000000000)
select user_id, is_active, key_version, previous_key_version, previous_key_valid_until
    from known_devices where device_id = md5('device-' || :d)::uuid;
insert into device_request_nonces (kid, nonce, expires_at)
    values (md5('device-' || :d) || '.1', md5(random()::text), now() + interval '2 minutes') on conflict do nothing;
begin;
select signal_id, user_id, instrument, side, size, price, issued_at, expires_at, received_at, commissionable_size
    from signals where signal_id = md5('pg-signal-' || :d || '-' || :s)::uuid for no key update;
select execution_id as eid from executions
    where signal_id = md5('pg-signal-' || :d || '-' || :s)::uuid and device_id = md5('device-' || :d)::uuid
    for update
\gset
\startpipeline
insert into execution_reports (id, device_id, user_id, report_id, report_type, signal_id, payload_hash, payload,
                               fill_id, outcome, response_status, response_body, received_at)
    values (gen_random_uuid(), md5('device-' || :d)::uuid, md5('user-' || :d)::uuid, 'p-' || :r || '-' || random(),
            'FILL', md5('pg-signal-' || :d || '-' || :s)::uuid, md5(random()::text) || md5(random()::text),
            repeat('x', 220), gen_random_uuid(), 'FILL_APPLIED', 200, repeat('x', 330), now())
    on conflict (device_id, report_id) do nothing;
insert into fills (fill_id, execution_id, signal_id, device_id, user_id, trade_id, size, price, notional, filled_at,
                   received_at, status, flag_reason, reported_side, commissionable_size)
    values (gen_random_uuid(), :eid::uuid, md5('pg-signal-' || :d || '-' || :s)::uuid, md5('device-' || :d)::uuid,
            md5('user-' || :d)::uuid, 'p-' || :r || '-' || random(), 0.5, 1.1, 0.55, now(), now(), 'APPLIED', null,
            null, 0.5)
    on conflict (execution_id, trade_id) do nothing;
update signals set commissionable_size = 0.5 where signal_id = md5('pg-signal-' || :d || '-' || :s)::uuid;
update executions set state = 'PARTIALLY_FILLED', cumulative_size = 0.5, notional = 0.55, average_price = 1.1,
                      last_fill_at = now(), updated_at = now()
    where execution_id = :eid::uuid;
insert into outbox_events (event_id, event_type, topic, record_key, payload, occurred_at)
    values (gen_random_uuid(), 'execution.fill-recorded.v1', 'executions.v1', md5('user-' || :d),
            repeat('x', 420), now());
\endpipeline
commit;
