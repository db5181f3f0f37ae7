-- Lectern schema 8: the search index holds the readable text of titles, authors and abstracts, not arXiv's
-- TeX. "Richtárik" and "Richtarik" now find Richt\'arik (the tokenizer drops the accent of the readable
-- form; in the TeX form \'a split the name into "richt" and "arik"). lectern_readable() is Lectern's own
-- TeX-to-Unicode conversion, registered on every connection Lectern opens; a deterministic function, so
-- the index's 'delete' command gets back exactly the tokens it was given. (A sqlite3 shell that changes
-- papers or notes fails here with "no such function": change them through Lectern.)
DROP TRIGGER papers_fts_delete;
DROP TRIGGER state_fts_insert;
DROP TRIGGER state_fts_update;
DROP TABLE papers_fts;

CREATE VIRTUAL TABLE papers_fts USING fts5(title, authors, abstract, note, content = '',
    tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER papers_fts_delete BEFORE DELETE ON papers BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract, note)
    VALUES ('delete', old.id, lectern_readable(old.title), lectern_readable(old.authors),
            lectern_readable(old.abstract),
            COALESCE((SELECT note FROM paper_state WHERE arxiv_id = old.arxiv_id), ''));
END;

CREATE TRIGGER state_fts_insert AFTER INSERT ON paper_state WHEN new.note <> '' BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract, note)
    SELECT 'delete', id, lectern_readable(title), lectern_readable(authors), lectern_readable(abstract), ''
    FROM papers WHERE arxiv_id = new.arxiv_id;
    INSERT INTO papers_fts(rowid, title, authors, abstract, note)
    SELECT id, lectern_readable(title), lectern_readable(authors), lectern_readable(abstract), new.note
    FROM papers WHERE arxiv_id = new.arxiv_id;
END;

CREATE TRIGGER state_fts_update AFTER UPDATE OF note ON paper_state WHEN old.note IS NOT new.note BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract, note)
    SELECT 'delete', id, lectern_readable(title), lectern_readable(authors), lectern_readable(abstract),
           COALESCE(old.note, '')
    FROM papers WHERE arxiv_id = new.arxiv_id;
    INSERT INTO papers_fts(rowid, title, authors, abstract, note)
    SELECT id, lectern_readable(title), lectern_readable(authors), lectern_readable(abstract),
           COALESCE(new.note, '')
    FROM papers WHERE arxiv_id = new.arxiv_id;
END;

INSERT INTO papers_fts(rowid, title, authors, abstract, note)
SELECT p.id, lectern_readable(p.title), lectern_readable(p.authors), lectern_readable(p.abstract),
       COALESCE(s.note, '')
FROM papers p LEFT JOIN paper_state s ON s.arxiv_id = p.arxiv_id;
