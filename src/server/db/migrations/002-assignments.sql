-- Assessed assignments: HR's assignment, its trainees, their attempts (each with the
-- market the server dealt when it started) and every decision with the server's time.
-- The signed result of a finished attempt is stored as it was handed out, so HR can
-- download it again; its grade is also kept in columns for the cohort view. Unlike rooms,
-- assignments do not expire: they are records HR keeps.

CREATE TABLE assignments (
  id text PRIMARY KEY,
  admin_hash text NOT NULL,
  title text NOT NULL,
  scenario_id text NOT NULL,
  scenario_title text NOT NULL,
  scenario_quarters integer NOT NULL,
  scenario_hash text NOT NULL,
  scenario_source text NOT NULL CHECK (scenario_source IN ('bundled', 'upload')),
  scenario_file text NOT NULL,
  scenario_text text NOT NULL,
  pass_mark integer NOT NULL CHECK (pass_mark BETWEEN 0 AND 100),
  attempts integer NOT NULL CHECK (attempts >= 1),
  due_at timestamptz,
  open_enrolment boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE trainees (
  id uuid PRIMARY KEY,
  assignment_id text NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (assignment_id, name)
);

-- (trainee, number) is the key: two attempts racing to be number n cannot both be stored,
-- so the attempt count cannot be beaten by starting from two browsers at once.
CREATE TABLE attempts (
  trainee_id uuid NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number >= 1),
  seed text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  score integer,
  fair_score integer,
  passed boolean,
  result jsonb,
  PRIMARY KEY (trainee_id, number)
);

CREATE TABLE attempt_decisions (
  trainee_id uuid NOT NULL,
  number integer NOT NULL,
  quarter integer NOT NULL CHECK (quarter >= 1),
  situation_id text NOT NULL,
  choice_id text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (trainee_id, number, quarter),
  FOREIGN KEY (trainee_id, number) REFERENCES attempts (trainee_id, number) ON DELETE CASCADE
);

-- The server's Ed25519 signing keys. The newest key not retired signs; every key stays
-- here so its public half stays published and old results keep verifying. The private
-- half is encrypted with TOW_SIGNING_SECRET when it is set (enc:…), never served.
CREATE TABLE signing_keys (
  kid text PRIMARY KEY,
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);
