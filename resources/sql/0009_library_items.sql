-- Lectern schema 9: the user's own library, as imported (`lectern import`, File ▸ Import…).
-- Every reference of an imported file is one row, whether it names an arXiv paper (arxiv_id set, the
-- paper itself is in papers and tagged "imported") or not (a book, a journal paper: kept as text, so the
-- built-in scorer still learns from its title and abstract). item_key makes a second import of the same
-- reference change nothing: "arxiv:ID", else "doi:DOI", else "title:normalised title|year".
CREATE TABLE library_items (
    id INTEGER PRIMARY KEY,
    item_key TEXT NOT NULL UNIQUE,
    arxiv_id TEXT,
    title TEXT NOT NULL DEFAULT '',
    authors TEXT NOT NULL DEFAULT '',
    year INTEGER,
    doi TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    abstract TEXT NOT NULL DEFAULT '',
    item_type TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL
);
CREATE INDEX library_items_arxiv ON library_items (arxiv_id);
