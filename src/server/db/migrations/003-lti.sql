-- LTI 1.3: the game as a tool in a learning platform (LMS). An admin registers each platform
-- (its issuer, the client id it gave the tool, its deployments and its three URLs); the
-- tool's own RSA key signs what it sends to platforms. A launch is single use: the login's
-- state and nonce are kept here until the launch comes back, then deleted. A learner who
-- arrives through a launch is a trainee of the assignment like any other, with their
-- platform identity and the gradebook column their grade goes to; every finished attempt
-- of theirs gets a passback row, so a grade the platform did not take is retried and shown
-- to HR rather than lost.

CREATE TABLE lti_platforms (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  issuer text NOT NULL,
  client_id text NOT NULL,
  deployment_ids text[] NOT NULL,
  auth_url text NOT NULL,
  token_url text NOT NULL,
  jwks_url text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (issuer, client_id)
);

-- The tool's RS256 keys (LTI asks for RS256); the private half sealed as signing_keys'.
CREATE TABLE lti_tool_keys (
  kid text PRIMARY KEY,
  public_jwk jsonb NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);

-- A login under way: the state and nonce sent to the platform, kept for minutes.
CREATE TABLE lti_logins (
  state text PRIMARY KEY,
  nonce text NOT NULL,
  platform_id uuid NOT NULL REFERENCES lti_platforms (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);

-- An instructor choosing what to place in a course (deep linking), kept for an hour.
CREATE TABLE lti_deep_links (
  id text PRIMARY KEY,
  platform_id uuid NOT NULL REFERENCES lti_platforms (id) ON DELETE CASCADE,
  deployment_id text NOT NULL,
  return_url text NOT NULL,
  data text,
  expires_at timestamptz NOT NULL
);

-- A trainee who came through a platform: who they are there, and where their grade goes.
CREATE TABLE lti_learners (
  trainee_id uuid PRIMARY KEY REFERENCES trainees (id) ON DELETE CASCADE,
  assignment_id text NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
  platform_id uuid NOT NULL REFERENCES lti_platforms (id) ON DELETE CASCADE,
  sub text NOT NULL,
  lineitem_url text,
  can_score boolean NOT NULL DEFAULT false,
  last_launch_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (platform_id, sub, assignment_id)
);

-- One row per finished attempt of an LTI learner: sent, or still to send with the last error.
CREATE TABLE lti_passbacks (
  trainee_id uuid NOT NULL,
  number integer NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  tries integer NOT NULL DEFAULT 0,
  score_sent integer,
  last_error text,
  next_try_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  PRIMARY KEY (trainee_id, number),
  FOREIGN KEY (trainee_id, number) REFERENCES attempts (trainee_id, number) ON DELETE CASCADE
);
