-- Lectern schema 3: how a day was obtained and whether it looks complete, so that a broken fetch
-- does not pass for a quiet day.
ALTER TABLE day_runs ADD COLUMN source TEXT NOT NULL DEFAULT 'rss';
ALTER TABLE day_runs ADD COLUMN complete INTEGER NOT NULL DEFAULT 1;
ALTER TABLE day_runs ADD COLUMN status_note TEXT NOT NULL DEFAULT '';
