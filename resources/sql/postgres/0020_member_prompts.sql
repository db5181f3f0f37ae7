-- Lectern schema 20 on PostgreSQL: whose prompts' scores a member sees (issue 14). Scores stay shared and
-- keyed by paper version, model and prompt hash; this table says which prompts are a member's own (every
-- prompt she scored with, recorded under current_user) and which are the lab's (those `lectern run`, the
-- lab's morning job, scored with). Views show a paper's latest score of the member's own prompts, else of
-- the lab's, never of another member's.
CREATE TABLE member_prompts (
    member TEXT NOT NULL DEFAULT current_user,
    prompt_hash TEXT NOT NULL,
    lab BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (member, prompt_hash)
);
CREATE INDEX member_prompts_lab ON member_prompts(lab, prompt_hash);

-- Everyone reads every row (the lab's prompts are a row of the lab's account); a member records only
-- prompts of her own, forced on the owner too.
ALTER TABLE member_prompts ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_prompts FORCE ROW LEVEL SECURITY;
CREATE POLICY member_prompts_read ON member_prompts FOR SELECT USING (true);
CREATE POLICY member_prompts_insert ON member_prompts FOR INSERT WITH CHECK (member = current_user);
CREATE POLICY member_prompts_update ON member_prompts FOR UPDATE
    USING (member = current_user) WITH CHECK (member = current_user);
CREATE POLICY member_prompts_delete ON member_prompts FOR DELETE USING (member = current_user);

-- Until now every member saw every score: the prompts already scored with become the lab's, so that
-- nobody's view of the days before this schema changes.
INSERT INTO member_prompts (prompt_hash, lab) SELECT DISTINCT prompt_hash, true FROM scores;

-- A prompt a member stores scores of (or brings a cached score of back) is hers, whatever writes them
-- (the scoring run, a provider batch's results, `lectern db copy`). With the writer's rights: a member who
-- may write scores is granted INSERT here too (README, "Setting up a lab database").
CREATE FUNCTION lectern_member_prompt_used() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO member_prompts (prompt_hash) VALUES (NEW.prompt_hash) ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER scores_member_prompt AFTER INSERT OR UPDATE ON scores
    FOR EACH ROW EXECUTE FUNCTION lectern_member_prompt_used();
