-- Lectern schema 2: full-text search over title, authors, abstract and the user's note.
-- The index keeps its own copy, kept in step by triggers; rowid = papers.id.
CREATE VIRTUAL TABLE papers_fts USING fts5(title, authors, abstract, note, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER papers_fts_insert AFTER INSERT ON papers BEGIN
    INSERT INTO papers_fts(rowid, title, authors, abstract, note)
    VALUES (new.id, new.title, new.authors, new.abstract,
            COALESCE((SELECT note FROM paper_state WHERE arxiv_id = new.arxiv_id), ''));
END;

CREATE TRIGGER papers_fts_update AFTER UPDATE OF title, authors, abstract ON papers BEGIN
    UPDATE papers_fts SET title = new.title, authors = new.authors, abstract = new.abstract
    WHERE rowid = new.id;
END;

CREATE TRIGGER papers_fts_delete AFTER DELETE ON papers BEGIN
    DELETE FROM papers_fts WHERE rowid = old.id;
END;

CREATE TRIGGER state_fts_insert AFTER INSERT ON paper_state BEGIN
    UPDATE papers_fts SET note = new.note
    WHERE rowid = (SELECT id FROM papers WHERE arxiv_id = new.arxiv_id);
END;

CREATE TRIGGER state_fts_update AFTER UPDATE OF note ON paper_state BEGIN
    UPDATE papers_fts SET note = new.note
    WHERE rowid = (SELECT id FROM papers WHERE arxiv_id = new.arxiv_id);
END;

-- Index what schema 1 already holds.
INSERT INTO papers_fts(rowid, title, authors, abstract, note)
SELECT p.id, p.title, p.authors, p.abstract, COALESCE(s.note, '')
FROM papers p LEFT JOIN paper_state s ON s.arxiv_id = p.arxiv_id;
