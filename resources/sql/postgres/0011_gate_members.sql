-- Lectern schema 11 on PostgreSQL: the hybrid gate's papers of a day (../0011).
CREATE TABLE gate_members (
    day TEXT NOT NULL,
    arxiv_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('gate', 'sample', 'outside')),
    PRIMARY KEY (day, arxiv_id)
);
