-- Gateways cache the users component's answers (probe token -> organisation, session + organisation -> member)
-- for a few seconds. Whatever can withdraw an answer notifies 'scope_auth_changed' so every gateway forgets its
-- cache at once: revoked or rotated tokens, deleted or shortened sessions (logout, purge), changed or removed
-- memberships, disabled or unapproved users, deleted or renamed organisations. Granting something needs no
-- notification: refusals are cached for 2 s only. One notification per statement; PostgreSQL folds repeats
-- within a transaction into one.
CREATE FUNCTION scope_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('scope_auth_changed', TG_TABLE_NAME);
    RETURN NULL;
END;
$$;

CREATE TRIGGER probe_tokens_auth_changed AFTER UPDATE OF revoked_at, token_hash, org_id OR DELETE ON probe_tokens
    FOR EACH STATEMENT EXECUTE FUNCTION scope_auth_changed();
CREATE TRIGGER sessions_auth_changed AFTER UPDATE OF expires_at, user_id OR DELETE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION scope_auth_changed();
CREATE TRIGGER memberships_auth_changed AFTER UPDATE OR DELETE ON memberships
    FOR EACH STATEMENT EXECUTE FUNCTION scope_auth_changed();
CREATE TRIGGER users_auth_changed AFTER UPDATE OF approved, disabled, email OR DELETE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION scope_auth_changed();
CREATE TRIGGER organisations_auth_changed AFTER UPDATE OF external_id OR DELETE ON organisations
    FOR EACH STATEMENT EXECUTE FUNCTION scope_auth_changed();
