-- Lectern schema 18 on PostgreSQL: indexes for what the window asks most at 100k papers (issue 14.8).
--
-- The member's state and tags by paper. Since schema 12 their keys lead with the member, so a look-up by
-- paper alone (a day's records, the detail pane) had no index where row-level security adds no member
-- condition (a superuser, a role with BYPASSRLS): each of a day's 250 papers walked the whole key of
-- paper_state and scanned paper_tags.
CREATE INDEX paper_state_by_paper ON paper_state(arxiv_id);
CREATE INDEX paper_tags_by_paper ON paper_tags(arxiv_id, tag);

-- The search vectors in a table of their own, stored out of line. The GIN index gives the matching rows'
-- places, and their ids are then read from the table's rows: in papers those rows hold the abstracts and
-- the vectors (some 190 MB at 100k papers), here about 40 bytes each (some 20 MB), so a keystroke that
-- matches most papers reads a tenth of the pages. A vector is read only where a match needs it checked.
CREATE TABLE paper_search (
    id BIGINT PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
    search tsvector NOT NULL
);
ALTER TABLE paper_search ALTER COLUMN search SET STORAGE EXTERNAL;
INSERT INTO paper_search (id, search) SELECT id, search FROM papers;
CREATE INDEX paper_search_vectors ON paper_search USING gin (search);
DROP INDEX papers_search;
ALTER TABLE papers DROP COLUMN search;

-- The notes' vectors, indexed: a search reads the notes holding one of its words, not every note.
CREATE INDEX paper_state_note_search ON paper_state USING gin (note_search);
