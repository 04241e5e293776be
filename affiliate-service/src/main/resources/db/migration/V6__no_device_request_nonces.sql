-- affiliate-service accepts no signed device requests: it no longer uses platform-device-auth (decision 0015), whose
-- migration 1.4 created this table here when platform was one module.
DROP TABLE IF EXISTS device_request_nonces;
