-- Lectern schema 10 on PostgreSQL: what the hybrid mode's gate did on a day (../0010).
CREATE TABLE gate_reports (
    day TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    ranked INTEGER NOT NULL,
    gate INTEGER NOT NULL,
    sample INTEGER NOT NULL,
    llm_seen INTEGER NOT NULL,
    gate_relevant INTEGER NOT NULL,
    sample_relevant INTEGER NOT NULL,
    sample_judged INTEGER NOT NULL,
    recall DOUBLE PRECISION,
    held_out_recall DOUBLE PRECISION,
    updated_at TEXT NOT NULL
);
