-- Lectern schema 16 on PostgreSQL, as ../0016_shared_note_editors.sql: every member of the author's group
-- may change a shared note (not only its author); it keeps its author, records the member who saved it
-- last, and the version still turns two members' concurrent saves into a conflict to merge. Reading,
-- writing a new one and withdrawing one stay as in schema 15 (everyone reads; only the author shares or
-- withdraws).

-- Rows written before: empty (their author). New and changed rows: the role that wrote them.
ALTER TABLE shared_notes ADD COLUMN last_editor TEXT NOT NULL DEFAULT '';
ALTER TABLE shared_notes ALTER COLUMN last_editor SET DEFAULT current_user;

-- The group: the signed-in role itself, or a role that is directly in one group role with it
-- (alice and bob IN ROLE lab_member). The lab's admin, in no group with the members, edits no one's note.
CREATE FUNCTION lectern_in_group_with(other TEXT) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT other = current_user OR EXISTS (
        SELECT 1 FROM pg_auth_members mine
        JOIN pg_auth_members theirs ON theirs.roleid = mine.roleid
        WHERE mine.member = (SELECT oid FROM pg_roles WHERE rolname = current_user)
          AND theirs.member = (SELECT oid FROM pg_roles WHERE rolname = other))
$$;

DROP POLICY shared_notes_update ON shared_notes;
CREATE POLICY shared_notes_update ON shared_notes FOR UPDATE
    USING (lectern_in_group_with(author)) WITH CHECK (lectern_in_group_with(author));

-- A change keeps the note's author and paper (a policy cannot compare with the old row) and names its
-- editor, whatever the client sent.
CREATE FUNCTION lectern_shared_note_edited() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.author, NEW.arxiv_id) IS DISTINCT FROM (OLD.author, OLD.arxiv_id) THEN
        RAISE EXCEPTION 'a shared note keeps its author and paper' USING ERRCODE = '42501';
    END IF;
    NEW.last_editor := current_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER shared_notes_edited BEFORE INSERT OR UPDATE ON shared_notes
    FOR EACH ROW EXECUTE FUNCTION lectern_shared_note_edited();
