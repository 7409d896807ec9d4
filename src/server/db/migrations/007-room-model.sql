-- The model version a room was opened under (src/sim/model-version.ts). A room replays its
-- trainees' decisions at every view, decision and export; replayed by another model they
-- would be another game. A room opened under another model is refused anything that
-- replays it (src/server/rooms/model.ts), and its decisions stay readable as they were made.
-- Rooms opened before this column existed are left without a model (NULL): which model
-- opened them is not known, so they are treated as another model's. Rooms expire
-- (TOW_ROOM_TTL_HOURS), so this touches only the rooms open while the server is upgraded.
ALTER TABLE rooms ADD COLUMN model integer;
