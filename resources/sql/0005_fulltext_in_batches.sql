-- Lectern schema 5: the store indexes papers itself, one statement per batch, instead of a trigger per
-- row. FTS5 flushes its pending index at every statement savepoint, so per-row triggers made storing a
-- 2000-item feed several times slower. Notes (one row at a time) keep their triggers.
DROP TRIGGER papers_fts_insert;
DROP TRIGGER papers_fts_update;
