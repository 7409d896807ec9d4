import { z } from 'zod';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  MAX_ID_CHARS,
  MAX_NAME_CHARS,
  MAX_SCENARIO_CHARS,
  MAX_SEED_CHARS,
  MAX_TIMER_SECONDS,
  MIN_TIMER_SECONDS,
} from './limits.ts';

// The live room's protocol, one module for both ends: every HTTP body and every WebSocket
// message, in both directions, as a zod schema and the type inferred from it. The server
// parses what clients send with these; the pages parse what the server sends with the same
// ones. docs/server.md describes the endpoints, the messages and a room's life.
// Objects are strict: an unknown field is an error rather than silently dropped, so a
// client built for another version of the protocol hears about it.

// ---------- pieces ----------

/** ids of scenarios, situations and choices: the scenario format's own shape, capped */
export const idSchema = z
  .string()
  .min(1)
  .max(MAX_ID_CHARS)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens');

export const codeSchema = z
  .string()
  .length(CODE_LENGTH)
  .regex(new RegExp(`^[${CODE_ALPHABET}]+$`), `${CODE_LENGTH} characters of ${CODE_ALPHABET}`);

/** what a page holds to act for a trainee or a facilitator: opaque, URL-safe base64 */
export const secretSchema = z
  .string()
  .min(20)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'a token or secret as the server gave it');

export const seedSchema = z
  .string()
  .min(1)
  .max(MAX_SEED_CHARS)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, underscore and hyphen');

// C0/C1 controls, and the invisible and direction-changing characters the scenario check
// also refuses: a name is shown to the whole room and must read as what it is
const HIDDEN_CHARS = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

export const displayNameSchema = z
  .string()
  .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, 'a name is needed')
      .max(MAX_NAME_CHARS, `at most ${MAX_NAME_CHARS} characters`)
      .refine((s) => !HIDDEN_CHARS.test(s), 'control or invisible characters are not allowed'),
  );

export const pacingSchema = z.discriminatedUnion('mode', [
  /** every quarter open from the start */
  z.strictObject({ mode: z.literal('self') }),
  /** the facilitator opens each quarter */
  z.strictObject({ mode: z.literal('gated') }),
  /** once started, quarter n opens (n - 1) × seconds after the start */
  z.strictObject({
    mode: z.literal('timer'),
    seconds: z.int().min(MIN_TIMER_SECONDS).max(MAX_TIMER_SECONDS),
  }),
]);
export type Pacing = z.infer<typeof pacingSchema>;

export const releaseSchema = z.strictObject({
  debrief: z.boolean(),
  bestPath: z.boolean(),
  whatIf: z.boolean(),
});
export type Release = z.infer<typeof releaseSchema>;

// ---------- HTTP: requests ----------

export const scenarioSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bundled'), id: idSchema }),
  /** a scenario file's text, YAML or JSON, checked as `npm run scenario:check` checks it */
  z.strictObject({
    kind: z.literal('upload'),
    text: z.string().min(1).max(MAX_SCENARIO_CHARS),
    /** the file's name, for the error lines (file:line:col) */
    fileName: z.string().min(1).max(120).optional(),
  }),
]);

export const createRoomRequestSchema = z.strictObject({
  scenario: scenarioSourceSchema,
  seed: seedSchema,
  pacing: pacingSchema,
  release: releaseSchema.default({ debrief: false, bestPath: false, whatIf: false }),
});
export type CreateRoomRequest = z.input<typeof createRoomRequestSchema>;

export const joinRequestSchema = z.strictObject({ name: displayNameSchema });
export type JoinRequest = z.input<typeof joinRequestSchema>;

/** what a facilitator may change in a room (Authorization: Bearer <admin secret>) */
export const roomCommandSchema = z.discriminatedUnion('type', [
  /** gated rooms: open quarters up to this one (quarters already open stay open) */
  z.strictObject({ type: z.literal('open-quarter'), quarter: z.int().min(1).max(100) }),
  /** timer rooms: start the clock (quarter 1 opens now) */
  z.strictObject({ type: z.literal('start') }),
  /** release flags; a flag left out keeps its value */
  z.strictObject({ type: z.literal('release'), release: releaseSchema.partial() }),
]);
export type RoomCommand = z.infer<typeof roomCommandSchema>;

// ---------- HTTP: responses ----------

export const errorCodeSchema = z.enum([
  /** the body or message is not valid JSON, or not of the protocol's shape */
  'malformed',
  /** the body or message is over its size cap */
  'too_large',
  /** too many requests or messages: slow down (HTTP 429, or the socket is closed) */
  'rate_limited',
  /** no admin secret or player token, or the wrong one; not signed in, or a wrong password */
  'unauthorized',
  /** signed in, but the account's role may not do this; or a cross-site request refused */
  'forbidden',
  /** a token or id of another room */
  'wrong_room',
  /** no room with this code (never made, deleted or expired) */
  'no_room',
  /** a path or method the API has not got */
  'no_route',
  /** the uploaded scenario has errors (their list is in `issues`) */
  'scenario_invalid',
  /** a bundled scenario id the server does not have */
  'no_scenario',
  /** the display name is taken in this room */
  'name_taken',
  /** the room has the most trainees a room takes */
  'room_full',
  /** the facilitator ended play in the room (released the debrief): nobody new may join */
  'room_ended',
  /** a decision for a quarter the facilitator has not opened yet */
  'quarter_not_open',
  /** a decision for a quarter after the next one, or for another situation than the one waiting */
  'out_of_order',
  /** the quarter was already decided */
  'duplicate',
  /** the choice is not one of the replies of the waiting situation */
  'not_offered',
  'game_over',
  /** a command that does not fit the room's pacing (opening a quarter in a self-paced room) */
  'not_allowed',
  /** a socket's first message must be `hello` */
  'not_joined',
  /** the facilitator has not released this yet */
  'not_released',
  /** no assignment with this id */
  'no_assignment',
  /** the assignment takes listed trainees only: enrolment by name is closed */
  'enrolment_closed',
  /** every attempt the assignment allows is used */
  'attempts_used',
  /** the assignment's due date has passed (by the server's clock) */
  'past_due',
  /** no attempt with this number has been started */
  'no_attempt',
  /** the attempt was started by another model of the simulation: this server cannot continue it */
  'other_model',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const scenarioIssueSchema = z.strictObject({
  file: z.string(),
  line: z.int(),
  col: z.int(),
  path: z.string(),
  message: z.string(),
  /** the issue as `npm run scenario:check` prints it: file:line:col: path: message */
  text: z.string(),
});
export type ScenarioIssueDto = z.infer<typeof scenarioIssueSchema>;

export const errorBodySchema = z.strictObject({
  error: errorCodeSchema,
  message: z.string(),
  issues: z.array(scenarioIssueSchema).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const scenarioInfoSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  quarters: z.int(),
  /** content hash, as in session records */
  hash: z.string(),
  source: z.enum(['bundled', 'upload']),
});

/** what anyone holding the join code may read */
export const publicRoomSchema = z.strictObject({
  code: codeSchema,
  scenario: scenarioInfoSchema,
  seed: z.string(),
  pacing: pacingSchema,
  release: releaseSchema,
  /** quarters open for decisions now (0 before a gated or timed room starts) */
  openQuarter: z.int(),
  /** when a timed room started (ISO 8601), so a page can count down */
  startedAt: z.string().nullable(),
  expiresAt: z.string(),
  /** the server's clock when this was sent (ISO 8601) */
  now: z.string(),
  /**
   * only for a room opened under another model than the server's: why its decisions cannot
   * be replayed (nobody plays on; its stored decisions stay readable)
   */
  otherModel: z.string().optional(),
  /**
   * only for a room opened under an earlier model this version still replays: the model
   * whose rules its games are played and replayed by (src/sim/model-version.ts); absent:
   * this version's
   */
  model: z.int().optional(),
  /**
   * when the facilitator ended play (ISO 8601): releasing the debrief while trainees still
   * play ends it for them; no decision is taken after it. Absent while play goes on.
   */
  endedAt: z.string().optional(),
});
export type PublicRoom = z.infer<typeof publicRoomSchema>;

export const createRoomResponseSchema = z.strictObject({
  room: publicRoomSchema,
  /** the facilitator's capability: shown once, kept only as a hash on the server */
  adminSecret: secretSchema,
  warnings: z.array(scenarioIssueSchema),
});
export type CreateRoomResponse = z.infer<typeof createRoomResponseSchema>;

export const joinResponseSchema = z.strictObject({
  playerId: z.string(),
  name: z.string(),
  /** the trainee's capability: kept by the page to rejoin; only a hash on the server */
  playerToken: secretSchema,
});
export type JoinResponse = z.infer<typeof joinResponseSchema>;

/** the scenario's text, so the page checks and plays exactly what the server replays */
export const scenarioTextResponseSchema = z.strictObject({
  text: z.string(),
  hash: z.string(),
});

export const healthSchema = z.strictObject({
  ok: z.literal(true),
  version: z.string(),
  model: z.int(),
  database: z.enum(['pglite', 'postgresql']),
});
export type Health = z.infer<typeof healthSchema>;

// ---------- the room as the facilitator sees it ----------

export const playerViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  connected: z.boolean(),
  /** choice ids in order, one per decided quarter */
  choices: z.array(z.string()),
  /**
   * the situation waiting for this player's next decision; null once finished; '' in a
   * room opened under another model (PublicRoom.otherModel), which is not replayed
   */
  situationId: z.string().nullable(),
  /** replayed by the server; null until the game is finished, and in a room of another model */
  score: z.number().nullable(),
});
export type PlayerView = z.infer<typeof playerViewSchema>;

export const facilitatorViewSchema = z.strictObject({
  room: publicRoomSchema,
  players: z.array(playerViewSchema),
});
export type FacilitatorView = z.infer<typeof facilitatorViewSchema>;

/** released results, for trainees once the facilitator releases the debrief */
export const resultsSchema = z.strictObject({
  players: z.array(
    z.strictObject({
      name: z.string(),
      choices: z.array(z.string()),
      score: z.number().nullable(),
    }),
  ),
});
export type Results = z.infer<typeof resultsSchema>;

// ---------- WebSocket: client → server ----------

export const helloSchema = z.discriminatedUnion('role', [
  z.strictObject({ type: z.literal('hello'), role: z.literal('player'), token: secretSchema }),
  z.strictObject({
    type: z.literal('hello'),
    role: z.literal('facilitator'),
    /** the room's admin secret; left out: the signed-in account that made the room (its session cookie) */
    secret: secretSchema.optional(),
  }),
]);

export const decideSchema = z.strictObject({
  type: z.literal('decide'),
  /** 1 for the first decision; must be the player's next */
  quarter: z.int().min(1).max(100),
  /** the situation the page shows; must be the one waiting */
  situationId: idSchema,
  choiceId: idSchema,
});
export type Decide = z.infer<typeof decideSchema>;

export const clientMessageSchema = z.union([
  helloSchema,
  decideSchema,
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

// ---------- WebSocket: server → client ----------

/** the player's own game, as the server replayed it: enough to rejoin where they left off */
export const ownGameSchema = z.strictObject({
  playerId: z.string(),
  name: z.string(),
  choices: z.array(z.string()),
  situationId: z.string().nullable(),
  score: z.number().nullable(),
});
export type OwnGame = z.infer<typeof ownGameSchema>;

export const serverMessageSchema = z.discriminatedUnion('type', [
  z.discriminatedUnion('role', [
    z.strictObject({
      type: z.literal('welcome'),
      role: z.literal('player'),
      room: publicRoomSchema,
      game: ownGameSchema,
    }),
    z.strictObject({
      type: z.literal('welcome'),
      role: z.literal('facilitator'),
      view: facilitatorViewSchema,
    }),
  ]),
  /** to the player who decided: the server's replay after the decision */
  z.strictObject({ type: z.literal('accepted'), game: ownGameSchema }),
  /** pacing, open quarter or release changed: to everyone in the room */
  z.strictObject({ type: z.literal('room'), room: publicRoomSchema }),
  /** to facilitators: a trainee joined, decided, connected or left */
  z.strictObject({ type: z.literal('player'), player: playerViewSchema }),
  /** to facilitators: one decision as it happened, for the live split, with the player after it */
  z.strictObject({
    type: z.literal('decision'),
    player: playerViewSchema,
    quarter: z.int(),
    situationId: z.string(),
    choiceId: z.string(),
    at: z.string(),
  }),
  z.strictObject({ type: z.literal('deleted') }),
  z.strictObject({ type: z.literal('pong') }),
  z.strictObject({ type: z.literal('error'), error: errorCodeSchema, message: z.string() }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
