-- When a facilitator ended play in a room (releasing the debrief while trainees still play
-- ends it for them): from then on no decision is taken, and a trainee who had not finished
-- stops where they were. NULL: play goes on.
ALTER TABLE rooms ADD COLUMN ended_at timestamptz;
