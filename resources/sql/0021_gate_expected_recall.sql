-- Lectern migration 0021: the hybrid gate's report keeps what the built-in model expected when it chose the
-- gate, so that the digest can say it later (also from another process): expected_relevant, the selections
-- its calibrated probabilities expected of the day (their sum); expected_recall, the share of them in the
-- gate. NULL when the model had no probabilities (too few labels), and for reports written before.
ALTER TABLE gate_reports ADD COLUMN expected_relevant REAL;
ALTER TABLE gate_reports ADD COLUMN expected_recall REAL;
