// The scenario format's version, read before anything else so that a file written for
// a newer game says "update the game" instead of a list of unknown keys. Like inkjs, we
// keep a current version and the oldest one this game still reads. 1.1 and 1.2 only
// added optional parts (format-features.ts lists them), so a 1.0 or 1.1 file reads as it
// is, with no migration step (see docs/authoring.md, "Versions").

export const SCHEMA_VERSION: string = '1.2';
/** Oldest format this game still reads. */
export const MIN_SCHEMA_VERSION: string = '1.0';

type Version = readonly [major: number, minor: number];

export function parseVersion(v: string): Version | null {
  const m = /^(\d{1,4})\.(\d{1,4})$/.exec(v);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1];
}

/**
 * Why this game cannot read a file declaring `declared`, or null when it can. A missing
 * version is left to the schema, which reports it as a missing key.
 */
function readable(): string {
  return MIN_SCHEMA_VERSION === SCHEMA_VERSION
    ? `format ${SCHEMA_VERSION}`
    : `formats ${MIN_SCHEMA_VERSION}–${SCHEMA_VERSION}`;
}

export function versionProblem(declared: unknown): string | null {
  if (declared === undefined) return null;
  if (typeof declared === 'number') {
    return `write the version in quotes, as "${SCHEMA_VERSION}": unquoted, YAML reads it as a number (1.10 would become 1.1)`;
  }
  if (typeof declared !== 'string') {
    return `expected the format version as a quoted string such as "${SCHEMA_VERSION}"`;
  }
  const v = parseVersion(declared);
  if (!v) {
    return `expected a version such as "${SCHEMA_VERSION}" (two numbers and a dot), got ${JSON.stringify(declared.slice(0, 20))}`;
  }
  const current = parseVersion(SCHEMA_VERSION)!;
  const oldest = parseVersion(MIN_SCHEMA_VERSION)!;
  if (compareVersions(v, current) > 0) {
    return `this file needs a newer version of Tug of War (format ${declared}); this copy reads ${readable()}: update the game, or ask the scenario's author for a version in format ${SCHEMA_VERSION}`;
  }
  if (compareVersions(v, oldest) < 0) {
    return `format ${declared} is older than this game reads (${readable()}); change it to "${SCHEMA_VERSION}" and fix what scenario:check then reports (docs/authoring.md lists what changed)`;
  }
  return null;
}
