// The caps on everything a room's client may send, shared by the server (which enforces
// them) and the pages (which can say so before sending). Each is far above what a real
// room needs and far below what would cost the server memory or time.

/**
 * characters of an uploaded scenario: the scenario checker's own limit (MAX_CHARS in
 * src/scenario/safety.ts, which a test holds equal), written out so that this module, which
 * the pages load, does not pull in the YAML parser
 */
export const MAX_SCENARIO_CHARS = 512 * 1024;

/** bytes of a request body that creates a room (it may carry a whole scenario file) */
export const MAX_CREATE_BODY_BYTES = 2 * 1024 * 1024;
/** bytes of any other request body */
export const MAX_BODY_BYTES = 16 * 1024;
/** bytes of one WebSocket message from a client; larger ones are refused with an error */
export const MAX_MESSAGE_BYTES = 4 * 1024;
/** bytes at which the socket itself is closed (1009) without reading the message */
export const MAX_FRAME_BYTES = 64 * 1024;

export const MAX_NAME_CHARS = 40;
export const MAX_SEED_CHARS = 40;
export const MAX_ID_CHARS = 80;
export const MAX_TIMER_SECONDS = 3600;
export const MIN_TIMER_SECONDS = 10;
export const MAX_PLAYERS_PER_ROOM = 200;

/** join codes: six characters from an alphabet without look-alikes (0/O, 1/I/L, 5/S, 2/Z, 8/B) */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;
