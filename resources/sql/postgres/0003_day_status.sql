-- Lectern schema 3 on PostgreSQL: how a day was obtained and whether it looks complete (../0003).
ALTER TABLE day_runs ADD COLUMN source TEXT NOT NULL DEFAULT 'rss';
ALTER TABLE day_runs ADD COLUMN complete INTEGER NOT NULL DEFAULT 1;
ALTER TABLE day_runs ADD COLUMN status_note TEXT NOT NULL DEFAULT '';
