-- Lectern schema 19 on PostgreSQL: a member's channel (schema 17) was lectern_member_<md5 of the role
-- name>, which any role could compute and LISTEN on, learning which papers another member stars, reads
-- or tags (not what: that stays behind row-level security). Each member now gets a random channel name
-- at her first listen, kept in member_channels, which only she can read (the owner runs the triggers).
CREATE TABLE member_channels (
    member TEXT PRIMARY KEY,
    channel TEXT NOT NULL UNIQUE
);
-- Not forced: the owner (the lab's account, whose functions below read it) sees every row; a member
-- granted SELECT on every table (README, "Setting up a lab database") still sees only her own.
ALTER TABLE member_channels ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_channels_own ON member_channels USING (member = current_user);

-- The caller's channel, made at its first call. SECURITY DEFINER so that members need no grant on the
-- table; session_user is the member who called (inside the function current_user is the owner).
CREATE FUNCTION lectern_own_channel() RETURNS TEXT LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
DECLARE
    own TEXT;
BEGIN
    INSERT INTO member_channels (member, channel)
        VALUES (session_user, 'lectern_member_' || replace(gen_random_uuid()::text, '-', ''))
        ON CONFLICT (member) DO NOTHING;
    SELECT channel INTO own FROM member_channels WHERE member = session_user;
    RETURN own;
END
$$;

-- The notice goes to the member's random channel; a member who never listened has none, and nobody to
-- tell. SECURITY DEFINER to read member_channels; it fires only for rows their writer may write (their
-- own, by row-level security) and tells only their channel.
CREATE OR REPLACE FUNCTION lectern_member_state_notify() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
DECLARE
    row_member TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD.member ELSE NEW.member END;
    paper_id TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD.arxiv_id ELSE NEW.arxiv_id END;
    target TEXT := (SELECT channel FROM member_channels WHERE member = row_member);
BEGIN
    IF target IS NOT NULL THEN
        PERFORM pg_notify(target,
            json_build_object('kind', 'member_state',
                'day', coalesce((SELECT max(l.day) FROM listings l WHERE l.arxiv_id = paper_id), ''),
                'paper', paper_id)::text);
    END IF;
    RETURN NULL;
END
$$;
DROP FUNCTION lectern_member_channel(TEXT);
