-- Lectern schema 11: which papers of a day the hybrid gate ranked (position: best first) and what it did
-- with each (role: gate, sample or outside), so that the gate's report can be counted again once the LLM's
-- verdicts arrive, also in another process (a provider batch collected hours later). The latest decision of
-- a day replaces the earlier one.
CREATE TABLE gate_members (
    day TEXT NOT NULL,
    arxiv_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('gate', 'sample', 'outside')),
    PRIMARY KEY (day, arxiv_id)
);
