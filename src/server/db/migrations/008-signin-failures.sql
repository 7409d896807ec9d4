-- Wrong passwords per account name, for the sign-in limit per account
-- (src/server/accounts/guesses.ts): the per-address limit alone lets many addresses guess
-- one account's password. A row is an attempt under way or one that failed; a right
-- password removes the name's rows. Rows older than the limit's window are cleared as
-- others sign in. Any name typed counts, known or not, so the refusal says nothing about
-- which names exist.
CREATE TABLE signin_failures (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signin_failures_name_at ON signin_failures (name, at);
