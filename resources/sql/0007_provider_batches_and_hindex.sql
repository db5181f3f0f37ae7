-- Lectern schema 7: provider batches waiting for their results, and the Semantic Scholar h-index cache.
-- A provider batch (OpenAI Batch API, Anthropic Message Batches) is paid for when it is submitted and
-- answered up to a day later: its row is written before anything else so that no exit loses it.
CREATE TABLE provider_batches (
    id INTEGER PRIMARY KEY,
    batch_id TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    day TEXT NOT NULL,
    prompt_hash TEXT NOT NULL,
    prompt_text TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'collected', 'cancelled', 'failed')),
    provider_state TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    finished_at TEXT,
    UNIQUE (provider, batch_id)
);
CREATE INDEX provider_batches_open ON provider_batches (state, day);
-- Which papers (at which version) each request of a batch carries.
CREATE TABLE provider_batch_papers (
    batch INTEGER NOT NULL REFERENCES provider_batches (id) ON DELETE CASCADE,
    custom_id TEXT NOT NULL,
    arxiv_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (batch, custom_id, arxiv_id)
);
-- Author h-index from Semantic Scholar, by normalised author name; NULL: Semantic Scholar gave none.
CREATE TABLE author_hindex (
    name TEXT PRIMARY KEY,
    h_index INTEGER,
    fetched_at TEXT NOT NULL
);
