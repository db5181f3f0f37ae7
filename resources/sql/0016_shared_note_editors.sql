-- Lectern schema 16: a shared note is the group's to edit (issue 14). It keeps its author and records who
-- saved it last; empty means its author. An SQLite file has one member, so nothing else changes here.
ALTER TABLE shared_notes ADD COLUMN last_editor TEXT NOT NULL DEFAULT '';
