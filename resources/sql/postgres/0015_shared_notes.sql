-- Lectern schema 15 on PostgreSQL: notes shared with the group, as ../0015_shared_notes.sql, each row its
-- author's (current_user). Row-level security: every member reads every shared note; only its author writes,
-- changes or deletes it. Forced on the owner too, like the private state of schema 12.
CREATE TABLE shared_notes (
    author TEXT NOT NULL DEFAULT current_user,
    arxiv_id TEXT NOT NULL REFERENCES papers(arxiv_id) ON DELETE CASCADE,
    note TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (author, arxiv_id)
);
CREATE INDEX shared_notes_by_paper ON shared_notes(arxiv_id);
ALTER TABLE shared_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE shared_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY shared_notes_read ON shared_notes FOR SELECT USING (true);
CREATE POLICY shared_notes_insert ON shared_notes FOR INSERT WITH CHECK (author = current_user);
CREATE POLICY shared_notes_update ON shared_notes FOR UPDATE
    USING (author = current_user) WITH CHECK (author = current_user);
CREATE POLICY shared_notes_delete ON shared_notes FOR DELETE USING (author = current_user);

-- Live updates: running clients LISTEN on channel lectern; each change they show is announced in the
-- transaction that makes it, as JSON {kind, day, paper}. PostgreSQL folds identical payloads of one
-- transaction into one, so a feed of 2000 listings or a day's scores announce their day once.
CREATE FUNCTION lectern_notify(kind TEXT, day TEXT, paper TEXT) RETURNS void LANGUAGE sql AS $$
    SELECT pg_notify('lectern', json_build_object('kind', kind, 'day', coalesce(day, ''),
                                                  'paper', coalesce(paper, ''))::text)
$$;

CREATE FUNCTION lectern_listing_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lectern_notify('day_fetched', NEW.day, NULL);
    RETURN NULL;
END
$$;
CREATE TRIGGER listings_notify AFTER INSERT OR UPDATE ON listings
    FOR EACH ROW EXECUTE FUNCTION lectern_listing_notify();

-- A day's record: its totals come from a fetch, its tokens, cost and model from a scoring run.
CREATE FUNCTION lectern_day_run_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR (OLD.total_arxiv, OLD.total_scanned, OLD.complete, OLD.source, OLD.status_note)
            IS DISTINCT FROM (NEW.total_arxiv, NEW.total_scanned, NEW.complete, NEW.source, NEW.status_note)
    THEN
        PERFORM lectern_notify('day_fetched', NEW.day, NULL);
    ELSE
        PERFORM lectern_notify('day_scored', NEW.day, NULL);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER day_runs_notify AFTER INSERT OR UPDATE ON day_runs
    FOR EACH ROW EXECUTE FUNCTION lectern_day_run_notify();

-- A score belongs to its paper's latest listing day (the day a scoring run works on).
CREATE FUNCTION lectern_score_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lectern_notify('day_scored',
        (SELECT max(l.day) FROM listings l WHERE l.arxiv_id = NEW.arxiv_id), NULL);
    RETURN NULL;
END
$$;
CREATE TRIGGER scores_notify AFTER INSERT OR UPDATE ON scores
    FOR EACH ROW EXECUTE FUNCTION lectern_score_notify();

-- Shared notes only: a private note is nobody else's business, not even that it changed.
CREATE FUNCTION lectern_shared_note_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    paper_id TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD.arxiv_id ELSE NEW.arxiv_id END;
BEGIN
    PERFORM lectern_notify('shared_note',
        (SELECT max(l.day) FROM listings l WHERE l.arxiv_id = paper_id), paper_id);
    RETURN NULL;
END
$$;
CREATE TRIGGER shared_notes_notify AFTER INSERT OR UPDATE OR DELETE ON shared_notes
    FOR EACH ROW EXECUTE FUNCTION lectern_shared_note_notify();
