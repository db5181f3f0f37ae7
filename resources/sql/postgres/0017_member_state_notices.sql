-- Lectern schema 17 on PostgreSQL: a member's private state (stars, read marks, dismissals, notes, tags)
-- changed by one of their clients is announced to their other clients (another desktop, another window),
-- as the shared changes of schema 15 are announced to everyone. On a channel of the member's own,
-- lectern_member_<md5 of the role name> (a channel name must be an identifier of at most 63 bytes; a role
-- name may be anything), with the paper only: {"kind": "member_state", "day": …, "paper": …}. What changed
-- is read by the member's client through row-level security; the notice says only which paper.
CREATE FUNCTION lectern_member_channel(member TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT 'lectern_member_' || md5(member)
$$;

CREATE FUNCTION lectern_member_state_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_member TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD.member ELSE NEW.member END;
    paper_id TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD.arxiv_id ELSE NEW.arxiv_id END;
BEGIN
    PERFORM pg_notify(lectern_member_channel(row_member),
        json_build_object('kind', 'member_state',
            'day', coalesce((SELECT max(l.day) FROM listings l WHERE l.arxiv_id = paper_id), ''),
            'paper', paper_id)::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER paper_state_notify AFTER INSERT OR UPDATE OR DELETE ON paper_state
    FOR EACH ROW EXECUTE FUNCTION lectern_member_state_notify();
CREATE TRIGGER paper_tags_notify AFTER INSERT OR UPDATE OR DELETE ON paper_tags
    FOR EACH ROW EXECUTE FUNCTION lectern_member_state_notify();
