import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  DEFAULT_GRADING,
  DEFAULT_PARAMS,
  NEUTRAL_STYLE,
  type ScenarioDef,
  type StyleParams,
} from '../sim/index.ts';
import type { ScenarioFile } from './schema.ts';
import { DEFAULT_STYLES } from './semantics.ts';

// From a checked file to what the sim plays: defaults filled in, and the fingerprint that
// session records carry to prove which scenario they were played on.

/** JSON with every mapping's keys sorted: the order keys are written in changes nothing. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The scenario's fingerprint in session records: the same for every file that means the
 * same scenario (key order, comments, quoting, layout and the format version do not count), different as
 * soon as anything the game plays or shows changes.
 */
export function contentHash(scenario: ScenarioDef): string {
  // The format version a file is written in changes nothing the game plays or shows, so it
  // is left out: hashed as "1.0", the version every record before format 1.1 was made
  // with, so those records still match the same scenario restated as "1.1" or "1.2".
  // and the rules an earlier edition or model is replayed under (ScenarioDef.leavesTwice,
  // ScenarioDef.model) are the model's, not the scenario's: an edition keeps the hash its
  // results name
  const { leavesTwice: _rules, model: _model, ...text } = scenario;
  const played = { ...text, schemaVersion: HASHED_FORMAT };
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(played)))).slice(0, 16);
}

/** The schemaVersion every scenario is hashed with, whatever its file declares. */
const HASHED_FORMAT = '1.0';

function mergeStyles(file: ScenarioFile, styles: string[]): Record<string, StyleParams> {
  const out: Record<string, StyleParams> = {};
  const given = file.params?.styles ?? {};
  for (const style of styles) {
    // own properties only: a style named "constructor" must not pick up Object's
    const base = Object.hasOwn(DEFAULT_PARAMS.styles, style)
      ? DEFAULT_PARAMS.styles[style]!
      : NEUTRAL_STYLE;
    const mine = Object.hasOwn(given, style) ? given[style] : undefined;
    out[style] = { ...base, ...(mine as Partial<StyleParams> | undefined) };
  }
  return out;
}

/** The validated file, with every default filled in: what the sim plays. */
export function toScenarioDef(file: ScenarioFile): ScenarioDef {
  const styles = file.styles ?? DEFAULT_STYLES;
  const { styles: _ignored, ...overrides } = file.params ?? {};
  return {
    schemaVersion: file.schemaVersion,
    id: file.id,
    title: file.title,
    summary: file.summary,
    goals: file.goals,
    quarters: file.quarters,
    ...(file.currency === undefined ? {} : { currency: file.currency }),
    styles,
    team: file.team,
    competitors: file.competitors,
    customer: file.customer,
    ...(file.markets === undefined ? {} : { markets: file.markets }),
    params: { ...DEFAULT_PARAMS, ...overrides, styles: mergeStyles(file, styles) },
    situations: file.situations,
    events: file.events ?? [],
    rubric: { grading: DEFAULT_GRADING, ...file.rubric },
    debrief: file.debrief,
  } as ScenarioDef;
}
