-- Lectern schema 6: the search index keeps no copy of the text (contentless FTS5). Search needs only row
-- ids and bm25, and storing every abstract twice doubled the pages a feed writes. A contentless index
-- forgets a row only when given the text it indexed, so each change first hands it the old text
-- ('delete' command): the store does so before it updates a paper, these triggers for notes and deletes
-- (before the delete, not after: the cascade removes the note it needs).
DROP TRIGGER papers_fts_delete;
DROP TRIGGER state_fts_insert;
DROP TRIGGER state_fts_update;
DROP TABLE papers_fts;

CREATE VIRTUAL TABLE papers_fts USING fts5(title, authors, abstract, note, content = '',
    tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER papers_fts_delete BEFORE DELETE ON papers BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract, note)
    VALUES ('delete', old.id, old.title, old.authors, old.abstract,
            COALESCE((SELECT note FROM paper_state WHERE arxiv_id = old.arxiv_id), ''));
END;

-- A paper is indexed with an empty note until its state row exists.
CREATE TRIGGER state_fts_insert AFTER INSERT ON paper_state WHEN new.note <> '' BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract, note)
    SELECT 'delete', id, title, authors, abstract, '' FROM papers WHERE arxiv_id = new.arxiv_id;
    INSERT INTO papers_fts(rowid, title, authors, abstract, note)
    SELECT id, title, authors, abstract, new.note FROM papers WHERE arxiv_id = new.arxiv_id;
END;

CREATE TRIGGER state_fts_update AFTER UPDATE OF note ON paper_state WHEN old.note IS NOT new.note BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract, note)
    SELECT 'delete', id, title, authors, abstract, COALESCE(old.note, '') FROM papers
    WHERE arxiv_id = new.arxiv_id;
    INSERT INTO papers_fts(rowid, title, authors, abstract, note)
    SELECT id, title, authors, abstract, COALESCE(new.note, '') FROM papers WHERE arxiv_id = new.arxiv_id;
END;

INSERT INTO papers_fts(rowid, title, authors, abstract, note)
SELECT p.id, p.title, p.authors, p.abstract, COALESCE(s.note, '')
FROM papers p LEFT JOIN paper_state s ON s.arxiv_id = p.arxiv_id;
