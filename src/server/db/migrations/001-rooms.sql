-- Rooms, their trainees and decisions. Everything a room owns goes with it
-- (ON DELETE CASCADE): deleting or expiring a room leaves nothing of it behind.

CREATE TABLE rooms (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  admin_hash text NOT NULL,
  scenario_id text NOT NULL,
  scenario_title text NOT NULL,
  scenario_quarters integer NOT NULL,
  scenario_hash text NOT NULL,
  scenario_source text NOT NULL CHECK (scenario_source IN ('bundled', 'upload')),
  scenario_file text NOT NULL,
  scenario_text text NOT NULL,
  seed text NOT NULL,
  pacing jsonb NOT NULL,
  opened integer NOT NULL DEFAULT 0,
  started_at timestamptz,
  release jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX rooms_expires_at ON rooms (expires_at);

CREATE TABLE players (
  id uuid PRIMARY KEY,
  room_id uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  joined_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (room_id, name)
);

CREATE TABLE decisions (
  player_id uuid NOT NULL REFERENCES players (id) ON DELETE CASCADE,
  room_id uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  quarter integer NOT NULL CHECK (quarter >= 1),
  situation_id text NOT NULL,
  choice_id text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (player_id, quarter)
);
CREATE INDEX decisions_room ON decisions (room_id);

-- Which trainees are connected, across processes: one row per open socket, owned by the
-- process that holds it. A process proves it is alive in server_instances; the sockets of
-- one that stopped doing so stop counting, and the sweep removes them.
CREATE TABLE server_instances (
  id uuid PRIMARY KEY,
  seen_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE connections (
  id uuid PRIMARY KEY,
  instance_id uuid NOT NULL REFERENCES server_instances (id) ON DELETE CASCADE,
  player_id uuid NOT NULL REFERENCES players (id) ON DELETE CASCADE,
  opened_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX connections_player ON connections (player_id);
