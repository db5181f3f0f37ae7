-- Lectern schema 14 on PostgreSQL: digests delivered after a run (../0013). Shared by the lab: a digest sent
-- to a room or address is recorded once, whoever sent it.
CREATE TABLE deliveries (
    day TEXT NOT NULL,
    channel TEXT NOT NULL,
    target TEXT NOT NULL,
    papers INTEGER NOT NULL,
    delivered_at TEXT NOT NULL,
    PRIMARY KEY (day, channel, target)
);
