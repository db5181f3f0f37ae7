-- Lectern schema 10: what the hybrid mode's gate did on a day (one row per day, the latest run's).
-- ranked: papers the built-in scorer ranked; gate / sample: of which sent to the LLM as the gate's top share
-- and as the day's random sample of the rest; llm_seen: the day's papers whose latest verdict is the LLM's;
-- gate_relevant / sample_relevant / sample_judged: the LLM's selections in the gate and the sample, and the
-- sample papers it judged; recall: the gate's recall estimated from the sample (NULL: nothing to estimate
-- from); held_out_recall: the calibration's estimate on held-out labels (NULL: too few labels).
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
    recall REAL,
    held_out_recall REAL,
    updated_at TEXT NOT NULL
);
