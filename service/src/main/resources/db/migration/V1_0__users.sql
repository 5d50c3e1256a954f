-- Users, organisations and who may do what (the users component; see docs/service.md).
-- Secrets (login links, sessions, probe tokens) are stored only as SHA-256 digests: they are 256-bit random
-- values, so a digest cannot be reversed, and a stolen table grants nothing.

CREATE TABLE users (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text        NOT NULL,              -- as typed (shown)
    email_key     text        NOT NULL UNIQUE,       -- lower-cased (looked up)
    password_hash text,                              -- argon2id (password4j), null when the user has none
    site_admin    boolean     NOT NULL DEFAULT false,
    approved      boolean     NOT NULL,
    disabled      boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_login_at timestamptz
);

CREATE TABLE organisations (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),  -- internal id: X-Scope-OrgID
    external_id text        NOT NULL UNIQUE,                        -- e.g. autumn-waterfall-99, in URLs
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
    org_id     uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       text        NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX memberships_by_user ON memberships (user_id);

CREATE TABLE invitations (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id      uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email_key   text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    invited_by  uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    accepted_at timestamptz,
    UNIQUE (org_id, email_key)
);
CREATE INDEX invitations_by_email ON invitations (email_key) WHERE accepted_at IS NULL;

CREATE TABLE login_links (
    token_hash bytea       PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

CREATE TABLE sessions (
    id_hash    bytea       PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE probe_tokens (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    token_hash bytea       NOT NULL UNIQUE,
    hint       text        NOT NULL,                 -- the token's last characters, to tell tokens apart
    created_by uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE INDEX probe_tokens_by_org ON probe_tokens (org_id);

-- Fixed-window counters for sign-up and login rate limits, shared by every users replica.
CREATE TABLE rate_limits (
    key          text        NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer     NOT NULL,
    PRIMARY KEY (key, window_start)
);
