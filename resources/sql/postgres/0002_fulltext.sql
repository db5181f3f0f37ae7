-- Lectern schema 2 on PostgreSQL: full-text search with PostgreSQL's own, not a copy of FTS5. Each paper
-- keeps a tsvector of the readable text of its title (weight A), authors (B) and abstract (D), written by
-- the store (the TeX-to-Unicode conversion is Lectern's); the note's vector (C) is computed by the server
-- on the state row. Accents are dropped on both sides by unaccent, through an IMMUTABLE wrapper so that it
-- may serve a generated column. The 'simple' configuration, like FTS5's unicode61, does not stem.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;

CREATE FUNCTION lectern_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT public.unaccent('public.unaccent'::regdictionary, $1)
$$;

ALTER TABLE papers ADD COLUMN search tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX papers_search ON papers USING gin (search);

ALTER TABLE paper_state ADD COLUMN note_search tsvector
    GENERATED ALWAYS AS (setweight(to_tsvector('simple', lectern_unaccent(note)), 'C')) STORED;
