-- Lectern schema 1: papers, their listings per announcement day, the user's state, scores, day runs.
-- Papers are keyed by arXiv id without version; an INTEGER PRIMARY KEY keeps rowids stable across
-- VACUUM, which the full-text index (schema 2) relies on.
CREATE TABLE papers (
    id INTEGER PRIMARY KEY,
    arxiv_id TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL CHECK (version >= 1),
    title TEXT NOT NULL,
    authors TEXT NOT NULL,           -- one author per line
    abstract TEXT NOT NULL,          -- as arXiv wrote it, TeX included
    categories TEXT NOT NULL,        -- space separated, primary first
    primary_category TEXT NOT NULL,
    comments TEXT NOT NULL DEFAULT '',
    journal_ref TEXT NOT NULL DEFAULT '',
    doi TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Metadata of versions that a newer one replaced ("previous versions noted").
CREATE TABLE paper_versions (
    arxiv_id TEXT NOT NULL REFERENCES papers(arxiv_id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    abstract TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    PRIMARY KEY (arxiv_id, version)
);

-- A paper listed on an announcement day, with the strongest announce type any feed gave it.
CREATE TABLE listings (
    day TEXT NOT NULL,
    arxiv_id TEXT NOT NULL REFERENCES papers(arxiv_id) ON DELETE CASCADE,
    announce_type TEXT NOT NULL,
    PRIMARY KEY (day, arxiv_id)
);
CREATE INDEX listings_by_paper ON listings(arxiv_id, day);

CREATE TABLE paper_state (
    arxiv_id TEXT PRIMARY KEY REFERENCES papers(arxiv_id) ON DELETE CASCADE,
    starred INTEGER NOT NULL DEFAULT 0,
    read INTEGER NOT NULL DEFAULT 0,
    dismissed INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

CREATE TABLE paper_tags (
    arxiv_id TEXT NOT NULL REFERENCES papers(arxiv_id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (arxiv_id, tag)
);
CREATE INDEX paper_tags_by_tag ON paper_tags(tag);

-- Score history: one row per (paper version, model, prompt). Re-scoring with the same key replaces the
-- row (that key is the score cache); another prompt or model adds a row.
CREATE TABLE scores (
    id INTEGER PRIMARY KEY,
    arxiv_id TEXT NOT NULL REFERENCES papers(arxiv_id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    relevance INTEGER CHECK (relevance IS NULL OR relevance BETWEEN 1 AND 10),
    novelty INTEGER CHECK (novelty IS NULL OR novelty BETWEEN 1 AND 10),
    comment TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL,
    prompt_hash TEXT NOT NULL,
    prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    cost REAL NOT NULL DEFAULT 0,
    scored_at TEXT NOT NULL,
    UNIQUE (arxiv_id, version, model, prompt_hash)
);
CREATE INDEX scores_by_paper ON scores(arxiv_id, scored_at);

CREATE TABLE day_runs (
    day TEXT PRIMARY KEY,
    categories TEXT NOT NULL DEFAULT '',
    total_arxiv INTEGER NOT NULL DEFAULT 0,
    total_scanned INTEGER NOT NULL DEFAULT 0,
    total_relevant INTEGER NOT NULL DEFAULT 0,
    prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    cost REAL NOT NULL DEFAULT 0,
    model TEXT NOT NULL DEFAULT '',
    prompt TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
