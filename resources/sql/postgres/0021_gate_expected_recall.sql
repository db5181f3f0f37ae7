-- Lectern migration 0021 on PostgreSQL: the model's expected recall with the gate's report (../0021).
ALTER TABLE gate_reports ADD COLUMN expected_relevant DOUBLE PRECISION;
ALTER TABLE gate_reports ADD COLUMN expected_recall DOUBLE PRECISION;
