-- Accounts that sign in (listed in the server's environment, not here): their sessions,
-- kept so that a restart signs nobody out, each ending at its expiry or at sign-out. Only
-- the SHA-256 of a session's cookie is stored, so a copy of the database signs nobody in.
-- Assignments and rooms record which account made them (null: made with no one signed in).

CREATE TABLE account_sessions (
  token_hash text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX account_sessions_expires_at ON account_sessions (expires_at);

ALTER TABLE assignments ADD COLUMN created_by text;
ALTER TABLE rooms ADD COLUMN created_by text;
CREATE INDEX rooms_created_by ON rooms (created_by);
