-- The W3C traceparent of the consumption that stored the signal (null outside a trace): the poll that hands the
-- signal to a device links its own trace to it, so a signal's trace leads to the polls that delivered it.
alter table signals add column traceparent text;
