-- Deleting an organisation leaves no routing rows behind: its probes' control routes, its pipe ends and closed-pipe
-- tombstones go with it. These tables key rows by the organisation's internal id as text (X-Scope-OrgID) without a
-- foreign key, because the data plane also serves organisations known only to an external authenticator; a trigger
-- covers every way an organisations row is deleted.
CREATE FUNCTION scope_delete_org_routes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM control_routes WHERE org_id = OLD.id::text;
    DELETE FROM pipe_ends WHERE org_id = OLD.id::text;
    DELETE FROM closed_pipes WHERE org_id = OLD.id::text;
    RETURN OLD;
END;
$$;

CREATE TRIGGER organisations_delete_routes AFTER DELETE ON organisations
    FOR EACH ROW EXECUTE FUNCTION scope_delete_org_routes();
