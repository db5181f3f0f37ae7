-- Lectern schema 4 on PostgreSQL: what each feed last gave, for conditional requests (../0004).
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
