import { type SessionRecord, verify } from '../record/record.ts';
import {
  checkSignature,
  describeSignature,
  type KeySet,
  type SignatureVerdict,
} from '../record/signed.ts';
import {
  census,
  gradeOf,
  percentile,
  type ScenarioDef,
  type StrategyCensus,
} from '../sim/index.ts';
import { marketKey } from '../workers/fair-score.ts';
import { checkBinding } from './binding.ts';
import type { Intake } from './intake.ts';
import { type Roster, rosterKey } from './roster.ts';
import { type MarkSource, rulesFor, termsMismatch } from './rules.ts';

// Every record is replayed; only a genuine one is graded. The grade is the fair score:
// the share of all strategies on the same market that did worse (DESIGN, Fair scores),
// so a lucky seed does not decide a pass. The raw score is shown beside it.

export interface Graded {
  source: string;
  trainee: string;
  session: string;
  scenario: string;
  seed: string;
  attempt: number | null;
  genuine: boolean;
  /** why the record is not genuine, or could not be read */
  reason?: string;
  score?: number;
  percentile?: number;
  /** the fair score: the percentile, rounded */
  grade?: number;
  passMark?: number;
  passMarkFrom?: MarkSource;
  passed?: boolean;
  attemptsAllowed?: number;
  due?: string;
  /** the day the trainee's clock showed when the game ended */
  finished?: string;
  overLimit?: boolean;
  late?: boolean;
  /** genuine, not a duplicate, within the attempts allowed and on time (and signed, when only signed results count): it may pass */
  counts?: boolean;
  /** only signed results count (`signedOnly`) and this one is not signed by the keys: why */
  notSigned?: string;
  /** this exact record was already listed; it counts once */
  duplicate: boolean;
  /**
   * Why the result is no part of the assignments checked (a links file was given that does
   * not hold its assignment): replayed and listed apart, never graded, counted or in the cohort
   */
  outside?: string;
  /** a result of practice (no assignment or workshop): replayed and listed, never counted */
  practice?: boolean;
  /** trainee, assignment, scenario and market are what an unreadable file claims (intake.ts' claim) */
  claimed?: boolean;
  /** the server's signature: checked when keys were given, else only seen */
  signature?: SignatureCheck;
  notes: string[];
  record?: SessionRecord;
}

/** Where a score stands among every strategy of its market (scenario and seed). */
export interface Standing {
  percentile: number;
  exhaustive: boolean;
  margin: number;
}

export type StandingOf = (
  scenario: ScenarioDef,
  hash: string,
  seed: string,
  score: number,
) => Standing;

export interface GradeContext {
  scenarios: Pick<ReadonlyMap<string, { scenario: ScenarioDef; hash: string }>, 'get'>;
  /** used when neither the roster nor the record gives the assignment's pass mark */
  passMark: number;
  roster?: Roster;
  /** defaults to a census per market, kept (cachedStanding) */
  standingOf?: StandingOf;
  /** the room server's public keys: signed results are checked against them */
  keys?: KeySet;
  /** count only results signed by `keys` (HR grading server-dealt sessions only) */
  signedOnly?: boolean;
  /**
   * The roster is the links files given, and the check is of their assignments only: a
   * result of any other assignment is replayed and listed apart (`outside`), not graded
   */
  linksOnly?: boolean;
}

export type SignatureCheck = SignatureVerdict | { kind: 'unchecked'; kid: string };

/** What the result's signature says, if it has one or keys were given to check with. */
function signatureOf(item: Intake, keys: KeySet | undefined): SignatureCheck | undefined {
  if (item.signed === undefined) return keys ? { kind: 'unsigned' } : undefined;
  if (keys) return checkSignature(item.signed, keys);
  const sig = item.signed.signature as { kid?: unknown } | null;
  return { kind: 'unchecked', kid: String(sig?.kid ?? '?') };
}

/** The signature's verdict in the verifier's words. */
export function signatureText(s: SignatureCheck): string {
  return s.kind === 'unchecked'
    ? `signed (key ${s.kid}), not checked: give the server's keys`
    : describeSignature(s);
}

/** A census per market, kept: a cohort on one market costs one census. */
export function cachedStanding(): StandingOf {
  const cache = new Map<string, StrategyCensus>();
  return (scenario, hash, seed, value) => {
    const key = marketKey(hash, seed, scenario.model);
    let c = cache.get(key);
    if (!c) {
      c = census(scenario, seed);
      cache.set(key, c);
    }
    return { percentile: percentile(c, value), exhaustive: c.exhaustive, margin: c.margin };
  };
}

/**
 * A practice result: played from the game's own menu or offered as practice after an
 * assessed attempt, so it names no assignment (nor workshop) and no trainee. It is checked
 * by replay and listed, but never graded, counted or put in the cohort. (A record that
 * names a trainee is graded as before, even without an assignment.)
 */
export const isPractice = (r: SessionRecord) => r.session === undefined && (r.player ?? '') === '';

/** How a practice result is listed: replayed, not graded (no census is worked out for it). */
function practiceListed(base: Graded, r: SessionRecord, ctx: GradeContext): Graded {
  const verdict = verify(r, ctx.scenarios);
  const listed = { ...base, practice: true, notes: ['practice: not counted', ...base.notes] };
  if (!verdict.genuine) return notGenuine(listed, verdict.reason);
  return { ...listed, genuine: true, score: verdict.replay.score, counts: false };
}

/** The note on a row whose trainee, assignment, scenario and market are only the file's word. */
export const CLAIMED_NOTE =
  'trainee, assignment, scenario and market as the file claims them, unchecked';

/** Whether a result naming `session` is of the check: always, unless only the links files' assignments are. */
function inLinks(ctx: GradeContext, session: string | undefined): boolean {
  if (!ctx.linksOnly || !ctx.roster) return true;
  return [...ctx.roster.values()].some((e) => e.session === session);
}

/** Why a result of an assignment the links files given do not hold is listed apart. */
export function outsideReason(session: string | undefined): string {
  return session === undefined
    ? 'the result names no assignment, and the links file given holds only its own'
    : `assignment "${session}" is not in the links file given`;
}

function notGenuine(base: Graded, reason: string): Graded {
  return { ...base, genuine: false, reason };
}

export function gradeOne(item: Intake, ctx: GradeContext, standingOf: StandingOf): Graded {
  const r = item.record;
  const base: Graded = {
    source: item.source,
    trainee: r?.player ?? '',
    session: r?.session ?? '',
    scenario: r?.scenario ?? '',
    seed: r?.seed ?? '',
    attempt: r?.attempt ?? null,
    ...(r?.finished !== undefined ? { finished: r.finished } : {}),
    genuine: false,
    duplicate: false,
    notes: [],
    ...(r ? { record: r } : {}),
  };
  if (!r) {
    const c = item.claim;
    const claimed = c
      ? {
          trainee: c.trainee,
          session: c.session,
          scenario: c.scenario,
          seed: c.seed,
          attempt: c.attempt,
          claimed: true,
          notes: [CLAIMED_NOTE],
        }
      : {};
    const listed: Graded = { ...base, ...claimed };
    if (c && c.session !== '' && !inLinks(ctx, c.session))
      listed.outside = outsideReason(c.session);
    return notGenuine(listed, item.error ?? 'unreadable');
  }
  const signature = signatureOf(item, ctx.keys);
  if (signature) base.signature = signature;
  if (
    signature?.kind === 'edited' ||
    signature?.kind === 'unknown-key' ||
    signature?.kind === 'malformed'
  )
    return notGenuine(base, signatureText(signature));
  if (isPractice(r)) return practiceListed(base, r, ctx);
  // a check of the links files' assignments lists a result of any other apart, forged or not
  if (!inLinks(ctx, r.session)) base.outside = outsideReason(r.session);
  const binding = checkBinding(r);
  if (binding.kind === 'broken') return notGenuine(base, binding.reason);
  // a signed result's market was dealt by the server to the trainee it names
  if (signature?.kind === 'signed') base.notes.push('market dealt by the server');
  else if (binding.kind === 'unbound') base.notes.push(binding.note);
  const rostered = r.session !== undefined && ctx.roster ? ctx.roster : undefined;
  const entry = rostered?.get(rosterKey(r.session!, r.player ?? ''));
  if (ctx.roster && ctx.roster.size > 0) {
    const knownSession = [...ctx.roster.values()].some((e) => e.session === r.session);
    if (knownSession && !entry)
      return notGenuine(base, `trainee "${r.player ?? ''}" is not on this assignment's list`);
    if (entry && entry.seed !== r.seed)
      return notGenuine(
        base,
        `not the market this trainee was dealt (seed ${r.seed}, expected ${entry.seed})`,
      );
    if (entry && entry.scenario !== r.scenario)
      return notGenuine(base, `assigned scenario "${entry.scenario}", played "${r.scenario}"`);
    if (!knownSession && !ctx.linksOnly) base.notes.push('assignment not in the loaded links file');
  }
  const mismatch = entry ? termsMismatch(r, entry) : null;
  if (mismatch) return notGenuine(base, mismatch);
  if (r.score === undefined) base.notes.push('the record claims no score; graded on its replay');
  const verdict = verify(r, ctx.scenarios);
  if (!verdict.genuine) return notGenuine(base, verdict.reason);
  // genuine, but of an assignment this check is not of: its market is not worked out
  if (base.outside !== undefined)
    return { ...base, genuine: true, score: verdict.replay.score, counts: false };
  // ranked among the strategies of its market under the model that played it
  const st = standingOf(verdict.scenario, r.hash, r.seed, verdict.replay.score);
  const pct = st.percentile;
  const rules = rulesFor(r, entry, ctx.passMark);
  const { passMark } = rules;
  const { grade, passed } = gradeOf(verdict.scenario.rubric, verdict.replay.score, pct, passMark);
  if (!st.exhaustive) base.notes.push(`percentile from a sample of strategies (±${st.margin})`);
  base.notes.push(...rules.notes);
  // a genuine replay still says nothing of who dealt the market: the server's signature does
  const notSigned =
    ctx.signedOnly && signature?.kind !== 'signed'
      ? 'it carries no signature of the server: a result of the static game, whose market the trainee could know beforehand, or one whose signature was taken off'
      : undefined;
  return {
    ...base,
    ...(notSigned !== undefined ? { notSigned } : {}),
    genuine: true,
    score: verdict.replay.score,
    percentile: pct,
    grade,
    passMark,
    passMarkFrom: rules.passMarkFrom,
    passed,
    ...(rules.attemptsAllowed !== undefined ? { attemptsAllowed: rules.attemptsAllowed } : {}),
    ...(rules.due !== undefined ? { due: rules.due } : {}),
    overLimit: rules.overLimit,
    late: rules.late,
    counts: !rules.overLimit && !rules.late && notSigned === undefined,
  };
}

/** A canonical text of a record, so the same game pasted twice is seen as one. */
function identity(r: SessionRecord): string {
  return JSON.stringify([
    r.v,
    r.game,
    r.scenario,
    r.hash,
    r.seed,
    r.choices,
    r.player,
    r.session,
    r.attempt,
    r.terms,
    r.finished,
    r.score,
  ]);
}

export function gradeAll(items: readonly Intake[], ctx: GradeContext): Graded[] {
  const standingOf = ctx.standingOf ?? cachedStanding();
  const seen = new Map<string, string>();
  const attempts = new Map<string, string>();
  return items.map((item) => {
    const g = gradeOne(item, ctx, standingOf);
    if (!item.record) return g;
    // a signed copy edited after signing carries the very record of the genuine one: it must
    // not make the genuine one a duplicate of it, so a duplicate has the same verdict too
    const id = `${g.genuine}${identity(item.record)}`;
    const first = seen.get(id);
    if (first !== undefined) {
      g.duplicate = true;
      g.counts = false;
      g.notes.unshift(`duplicate of ${first}: counted once`);
      return g;
    }
    seen.set(id, g.source);
    if (g.genuine && g.attempt !== null) {
      const slot = `${g.session}\u0000${g.trainee}\u0000${g.attempt}`;
      const other = attempts.get(slot);
      if (other !== undefined) {
        g.notes.push(
          `another game also claims attempt ${g.attempt} (${other}): the attempt count was reset`,
        );
      } else attempts.set(slot, g.source);
    }
    return g;
  });
}
