import pkg from '../../package.json' with { type: 'json' };

/** The game's version: records made by another major version may replay differently. */
export const GAME_VERSION: string = pkg.version;
/**
 * Session record format. 2 added an assessed game's terms (pass mark, attempts allowed, due
 * date) and the day it was finished; format 1 records, without them, are still read.
 */
export const RECORD_VERSION = 2;
export const MIN_RECORD_VERSION = 1;
