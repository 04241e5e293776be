-- A delivery is of a kind: open (the signal itself, as before), modify, cancel or close (an action on a signal the
-- device already has an open delivery of). The action's payload sits beside it: the modified levels, the lots to
-- close (null: all of it), and when the upstream acted. A device has at most one open delivery per signal, and
-- any number of actions on it, each in the device's sequence after the open.
alter table deliveries
    add column kind            text not null default 'open' check (kind in ('open', 'modify', 'cancel', 'close')),
    add column new_stop_loss   numeric(30, 8),
    add column new_take_profit numeric(30, 8),
    add column new_price       numeric(30, 8),
    add column close_lots      numeric(30, 8),
    add column acted_at        timestamptz,
    add constraint deliveries_action_has_time check ((kind = 'open') = (acted_at is null)),
    drop constraint deliveries_device_id_signal_id_key;

create unique index deliveries_one_open_per_signal on deliveries (device_id, signal_id) where kind = 'open';
