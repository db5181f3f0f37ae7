-- Lectern schema 14: digests delivered after a run, one row per day, channel and target, so that running
-- again (or a second member sending to the same room) does not send the same day twice. target names where
-- it went without a secret: the recipients, the Matrix room, a hash of a webhook URL.
CREATE TABLE deliveries (
    day TEXT NOT NULL,
    channel TEXT NOT NULL,
    target TEXT NOT NULL,
    papers INTEGER NOT NULL,
    delivered_at TEXT NOT NULL,
    PRIMARY KEY (day, channel, target)
);
