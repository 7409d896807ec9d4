import type { Position } from './positions.ts';
import type { ScenarioFile } from './schema.ts';
import { compareVersions, parseVersion } from './version.ts';

// The parts of the format that came after 1.0, each with the version it came in. A file
// that uses one should say so in its schemaVersion: then a copy of the game older than that
// version refuses the file with "update the game" (version.ts) instead of a list of keys it
// does not know, or, worse, a members-only delayed entry it would reject as missing its
// effects. A file that does not is warned, not refused (newerFormatWarning, below). Add a line here, and to docs/authoring.md's "Versions", with every new field.

interface FormatFeature {
  /** the format version the feature came in */
  since: string;
  /** what the feature is, in a facilitator's words */
  what: string;
  /** where the file uses it: each path in the file, and whether to point at the key */
  usedAt(file: ScenarioFile): { path: PropertyKey[]; atKey: boolean }[];
}

type ChoiceFile = ScenarioFile['situations'][number]['choices'][number];

/** Where replies give `key`: the key of each such reply. */
function repliesWith(file: ScenarioFile, key: keyof ChoiceFile) {
  return file.situations.flatMap((s, i) =>
    s.choices.flatMap((c, j) =>
      c[key] === undefined ? [] : [{ path: ['situations', i, 'choices', j, key], atKey: true }],
    ),
  );
}

/** Where alternatives (a situation's or a reply's) name market variants: each `markets` key. */
function alternativesWithMarkets(file: ScenarioFile) {
  return file.situations.flatMap((s, i) => [
    ...(s.alternatives ?? []).flatMap((a, k) =>
      a.markets === undefined
        ? []
        : [{ path: ['situations', i, 'alternatives', k, 'markets'], atKey: true }],
    ),
    ...s.choices.flatMap((c, j) =>
      (c.alternatives ?? []).flatMap((a, k) =>
        a.markets === undefined
          ? []
          : [{ path: ['situations', i, 'choices', j, 'alternatives', k, 'markets'], atKey: true }],
      ),
    ),
  ]);
}

export const FORMAT_FEATURES: readonly FormatFeature[] = [
  {
    since: '1.2',
    what: 'an alternative for some market variants (`markets`)',
    usedAt: alternativesWithMarkets,
  },
  {
    since: '1.1',
    what: "a market variant's `name`",
    usedAt: (file) =>
      (file.markets ?? []).flatMap((m, i) =>
        m.name === undefined ? [] : [{ path: ['markets', i, 'name'], atKey: true }],
      ),
  },
  {
    since: '1.1',
    what: "a situation's `alternatives`",
    usedAt: (file) =>
      file.situations.flatMap((s, i) =>
        s.alternatives === undefined
          ? []
          : [{ path: ['situations', i, 'alternatives'], atKey: true }],
      ),
  },
  {
    since: '1.1',
    what: "a reply's `alternatives`",
    usedAt: (file) => repliesWith(file, 'alternatives'),
  },
  {
    since: '1.1',
    what: 'a reply aimed at one `person`',
    usedAt: (file) => repliesWith(file, 'person'),
  },
  {
    since: '1.1',
    what: 'a `later` entry with `members` and no `effects`',
    usedAt: (file) =>
      file.situations.flatMap((s, i) =>
        s.choices.flatMap((c, j) =>
          (c.later ?? []).flatMap((l, k) =>
            l.effects === undefined && l.members !== undefined
              ? [{ path: ['situations', i, 'choices', j, 'later', k], atKey: false }]
              : [],
          ),
        ),
      ),
  },
];

interface NewerFeature {
  path: PropertyKey[];
  atKey: boolean;
  /** the format version the file would need */
  since: string;
  message: string;
}

/**
 * Each place where the file uses a part of the format newer than the version it declares
 * (an already readable one: version.ts has refused any other).
 */
function newerFeatures(file: ScenarioFile): NewerFeature[] {
  const declared = parseVersion(file.schemaVersion);
  if (!declared) return [];
  const used = FORMAT_FEATURES.filter(
    (f) => compareVersions(parseVersion(f.since)!, declared) > 0,
  ).flatMap((f) => f.usedAt(file).map((at) => ({ ...at, f })));
  // the version that covers every part used: a file using 1.1's and 1.2's parts needs 1.2
  const needed = used
    .map((u) => u.f.since)
    .reduce<string | null>(
      (a, v) => (a === null || compareVersions(parseVersion(v)!, parseVersion(a)!) > 0 ? v : a),
      null,
    );
  return used.map(({ f, ...at }) => ({
    ...at,
    since: f.since,
    message: `${f.what} came with format ${f.since}, and this file declares format ${file.schemaVersion}: write schemaVersion: "${needed}" at the top of the file, so that an older copy of Tug of War says it needs updating instead of failing here`,
  }));
}

/**
 * The warning for a file that uses parts newer than it declares, or null: said once, at
 * the first place in the file, since the one schemaVersion line fixes every place. It is
 * not an error because files written before 1.1 existed use its parts under "1.0", and
 * rooms, assignments, saved workshop scenarios and links keep them: they must still load.
 */
export function newerFormatWarning(
  file: ScenarioFile,
  where: (path: readonly PropertyKey[], atKey: boolean) => Position,
): { line: number; col: number; path: PropertyKey[]; message: string } | null {
  const newer = newerFeatures(file)
    .map((f) => ({ ...f, ...where(f.path, f.atKey) }))
    .sort((a, b) => a.line - b.line || a.col - b.col);
  const first = newer[0];
  if (!first) return null;
  const more = newer.length - 1;
  const versions = [...new Set(newer.map((f) => f.since))].sort((a, b) =>
    compareVersions(parseVersion(a)!, parseVersion(b)!),
  );
  const formats =
    versions.length === 1
      ? `format ${versions[0]}`
      : `formats ${versions.slice(0, -1).join(', ')} and ${versions[versions.length - 1]}`;
  const message =
    more === 0
      ? first.message
      : `${first.message} (this fixes the ${more} other ${more === 1 ? 'place that uses' : 'places that use'} ${formats} too)`;
  return { line: first.line, col: first.col, path: first.path, message };
}
