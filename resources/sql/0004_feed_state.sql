-- Lectern schema 4: what each feed last gave, for conditional requests (ETag / Last-Modified), for
-- recounting a day from a 304, and for telling a stale feed (yesterday's items again) from a new day.
CREATE TABLE feed_state (
    url TEXT PRIMARY KEY,
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    day TEXT NOT NULL DEFAULT '',
    items INTEGER NOT NULL DEFAULT 0,
    kept INTEGER NOT NULL DEFAULT 0,
    ids_hash TEXT NOT NULL DEFAULT '',
    fetched_at TEXT NOT NULL
);
