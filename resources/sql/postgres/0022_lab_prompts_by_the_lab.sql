-- Lectern schema 22 on PostgreSQL: only the lab's account makes a prompt the lab's (issue 14). Until now a
-- member who ran `lectern run` on the lab's database made her own prompt the lab's, and every member then
-- saw her scores wherever they had none of their own prompt. The lab's account is the role that owns the
-- tables (README, "Setting up a lab database": lab_admin), or a role in it; a member may still record her
-- own prompts. Lectern asks first (lectern_is_lab_account()) and records a member's run as hers.
CREATE FUNCTION lectern_is_lab_account() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'member_prompts'::regclass),
                       'MEMBER')
$$;

DROP POLICY member_prompts_insert ON member_prompts;
DROP POLICY member_prompts_update ON member_prompts;
CREATE POLICY member_prompts_insert ON member_prompts FOR INSERT
    WITH CHECK (member = current_user AND (NOT lab OR lectern_is_lab_account()));
CREATE POLICY member_prompts_update ON member_prompts FOR UPDATE
    USING (member = current_user) WITH CHECK (member = current_user AND (NOT lab OR lectern_is_lab_account()));
