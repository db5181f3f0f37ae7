-- Lectern schema 15: notes shared with the group (issue 14). A member's note stays in paper_state, theirs
-- alone; marking it shared publishes it here, where every member reads it with its author's name and only
-- the author changes it. The version makes a save over a copy changed meanwhile (another window, another
-- machine) a conflict to merge instead of a lost update. An SQLite file has one member (author '').
CREATE TABLE shared_notes (
    author TEXT NOT NULL DEFAULT '',
    arxiv_id TEXT NOT NULL REFERENCES papers(arxiv_id) ON DELETE CASCADE,
    note TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (author, arxiv_id)
);
CREATE INDEX shared_notes_by_paper ON shared_notes(arxiv_id);
