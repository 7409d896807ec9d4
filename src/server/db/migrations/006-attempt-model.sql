-- The model version that deals and replays each attempt (src/sim/model-version.ts). Every
-- attempt made before this column existed was made by model 2. An attempt left open when
-- the server moved to a newer model cannot be continued by it (the same choices would
-- replay as another game): it is closed as void, with the reason, and does not count
-- against the trainee's attempts.
ALTER TABLE attempts ADD COLUMN model integer NOT NULL DEFAULT 2;
ALTER TABLE attempts ALTER COLUMN model DROP DEFAULT;
ALTER TABLE attempts ADD COLUMN void_reason text;
