-- Lectern schema 12 on PostgreSQL: each member's own state. Stars, read marks, dismissals, notes and tags
-- belong to the database role that wrote them (current_user); papers, days, scores and provider batches stay
-- shared by the lab. Existing rows go to the role that migrates (the single user so far).
ALTER TABLE paper_state ADD COLUMN member TEXT NOT NULL DEFAULT current_user;
ALTER TABLE paper_state DROP CONSTRAINT paper_state_pkey;
ALTER TABLE paper_state ADD PRIMARY KEY (member, arxiv_id);
ALTER TABLE paper_tags ADD COLUMN member TEXT NOT NULL DEFAULT current_user;
ALTER TABLE paper_tags DROP CONSTRAINT paper_tags_pkey;
ALTER TABLE paper_tags ADD PRIMARY KEY (member, arxiv_id, tag);

-- Row-level security: a member reads, changes and deletes their own rows only, and cannot write a row in
-- another's name. Forced on the tables' owner too, so the lab account that migrates and runs the morning
-- job has its own state like everyone else (superusers alone bypass it, as always in PostgreSQL).
ALTER TABLE paper_state ENABLE ROW LEVEL SECURITY;
ALTER TABLE paper_state FORCE ROW LEVEL SECURITY;
CREATE POLICY paper_state_member ON paper_state
    USING (member = current_user) WITH CHECK (member = current_user);
ALTER TABLE paper_tags ENABLE ROW LEVEL SECURITY;
ALTER TABLE paper_tags FORCE ROW LEVEL SECURITY;
CREATE POLICY paper_tags_member ON paper_tags
    USING (member = current_user) WITH CHECK (member = current_user);
