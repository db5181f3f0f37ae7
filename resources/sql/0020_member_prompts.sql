-- Lectern schema 20: whose prompts' scores a member sees (issue 14). Scores stay keyed by paper version,
-- model and prompt hash; this table says which prompts are a member's own (every prompt she scored with)
-- and which are the lab's (those `lectern run`, the lab's morning job, scored with). Views show a paper's
-- latest score of the member's own prompts, else of the lab's, never of another member's. An SQLite file
-- has one member (''): every prompt that scored in it is hers, so nothing she sees changes.
CREATE TABLE member_prompts (
    member TEXT NOT NULL DEFAULT '',
    prompt_hash TEXT NOT NULL,
    lab INTEGER NOT NULL DEFAULT 0 CHECK (lab IN (0, 1)),
    PRIMARY KEY (member, prompt_hash)
);
-- The lab's prompts by an index seek (the views look them up for each paper).
CREATE INDEX member_prompts_lab ON member_prompts(lab, prompt_hash);
INSERT INTO member_prompts (member, prompt_hash) SELECT DISTINCT '', prompt_hash FROM scores;
-- A prompt a member stores scores of (or brings a cached score of back) is hers: whatever writes them.
CREATE TRIGGER scores_member_prompt_insert AFTER INSERT ON scores BEGIN
    INSERT INTO member_prompts (member, prompt_hash) VALUES ('', NEW.prompt_hash) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER scores_member_prompt_update AFTER UPDATE ON scores BEGIN
    INSERT INTO member_prompts (member, prompt_hash) VALUES ('', NEW.prompt_hash) ON CONFLICT DO NOTHING;
END;
