-- A signal a device acknowledged may have opened a position that lives for weeks past the signal's expiry, and its
-- modify and close actions are delivered only to devices that have the signal: retention keeps it until the upstream
-- settled it (a close of all of it, or a cancel) or it is older than devices.signals.position-retention.
alter table signals add column settled_at timestamptz;
