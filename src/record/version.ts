import pkg from '../../package.json' with { type: 'json' };

/** The game's version: records made by another major version may replay differently. */
export const GAME_VERSION: string = pkg.version;
/** Session record format. */
export const RECORD_VERSION = 1;
export const MIN_RECORD_VERSION = 1;
