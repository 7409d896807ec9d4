import type { WhySource } from './attribution.ts';
import { forces } from './ropes.ts';
import { shareOf } from './share.ts';
import { type ShownSplit, shownSplit, shownSteps, TENTHS } from './shown-split.ts';
import { metricsBefore, type SimState } from './state.ts';
import { statesAlong } from './states-along.ts';
import type { ScenarioDef } from './types.ts';

// Why the ropes already pulling moved share much further in one quarter than in the one
// before, with much the same pulls. The customer moves each quarter by a part of its
// distance from where the pulls settle it (its balance point: Forces.target), so the same
// ropes move it twice as far when it stands twice as far from that point, and a customer
// an event has knocked away (an outside push that lasts one quarter) drifts back quickly
// once the push is gone. The outcome lists those ropes with their figures and no word of
// that: a trainee who adds up the lines under "Already pulling" finds them giving twice
// what they gave a quarter before and cannot tell why (a reviewer, tutorial at seed 3:
// +5.8 in Q3, +11.0 in Q4 after "BrewCo keeps the kitchens" took 12.1 points in Q3). Each
// line moves little (Maya's +15.1, then +15.0): BrewCo's pull takes less from a customer
// already further on its side (−12.4, then −9.6), which is the same thing told rope by
// rope (attribution.ts, pullTerms).
//
// Every figure said here is one a screen shows or adds up from one: the ropes' totals are
// the sums of the lines each quarter's outcome lists under "Already pulling" (shown-split
// rounding), the share is the share the outcome starts from, and the balance point is
// said in tenths of share, its distance the difference of the two values said, so that
// share + distance = balance point holds in the words as written.

/** The ropes already pulling as one quarter's outcome lists them, and where they settle the customer. */
export interface BalanceAt {
  quarter: number;
  /** the sum of the outcome's "already pulling" lines for share, in tenths of a point */
  standing: number;
  /** the share the quarter opened with, in tenths of a point, as the outcome shows it */
  share: number;
  /** where the ropes as they stood when the quarter opened settle the customer, in tenths of share */
  balance: number;
}

export interface BalanceGap {
  /** the quarter whose outcome gets the note */
  quarter: number;
  now: BalanceAt;
  before: BalanceAt;
  /**
   * What moved share furthest away from the balance point in the quarter before, as that
   * quarter's outcome lists it; null where no one cause did most of the customer's move
   */
  cause: { by: WhySource; steps: number } | null;
  /** the note's question, with the two totals: "Why did the same ropes move share further than in Q3 (…)?" */
  lead: string;
  /** its answer, in the outcome's own figures */
  body: string;
}

/**
 * The rule for a note, with d the distance from the balance point (balance − share) and s
 * the ropes' total, as each quarter opened, in the tenths the screens show:
 * - both quarters pulled the same way (d and s of one sign in both): "further" says
 *   nothing about a customer the ropes pulled up one quarter and down the next;
 * - the distance grew by half or more (|d| ≥ 1.5 × its last value) and the ropes' total
 *   did too, by 2 points of share or more: a jump a trainee sees in the lines, not one
 *   only the model's decimals hold. The reviewer's case nearly doubles (+5.8 to +11.0);
 *   a quarter-to-quarter drift of 20 or 30% is the ordinary life of a market and would
 *   put the note under most outcomes, where it would soon go unread;
 * - the customer's own move away widened the gap at least twice as much as the balance
 *   point's move did (the point moved at most half as far away as the customer): where the
 *   balance point itself moved away (stronger or weaker ropes), the ropes are not "the
 *   same", and the lines' own figures already say which rope grew. In the reviewer's case
 *   the customer went 6.1 points away and the point 1.2.
 * Over 160 games of each shipped scenario the note shows in 20% of the tutorial's
 * quarters (its customer answers quickly, and a reply that gives up a quarter's selling
 * knocks it off balance), in under 2% of silos', who-owns' and distrustful-account's,
 * and in none of the others'.
 */
const GREW_BY = 1.5;
const NOTABLE_STEPS = 20;

function standingOf(split: ShownSplit): number {
  let sum = 0;
  for (const l of split.lines) if (l.by.kind === 'pull') sum += l.steps;
  return sum;
}

/** Where the ropes as quarter `quarter` opened settle the customer: the state before it, its outside push gone. */
function balanceBefore(scenario: ScenarioDef, before: SimState): number {
  // step() clears the last quarter's outside push before anything happens, as the
  // quarter's trail opens (attribution.ts): the ropes "already pulling" are those
  const open = before.outside === 0 ? before : { ...before, outside: 0 };
  return forces(open, scenario.params, scenario.customer.departments.length).target;
}

function balanceAt(
  scenario: ScenarioDef,
  state: SimState,
  quarter: number,
  opened: SimState,
): BalanceAt | null {
  const split = shownSplit(state, quarter, 'share', TENTHS);
  if (!split) return null;
  return {
    quarter,
    standing: standingOf(split),
    share: shownSteps(TENTHS, metricsBefore(state, quarter).share),
    balance: shownSteps(TENTHS, shareOf(balanceBefore(scenario, opened))),
  };
}

/** "+5.8", "−12.1", "±0.0": tenths of share as the outcome writes them. */
export function signedTenths(steps: number): string {
  const v = (Math.abs(steps) / 10).toFixed(1);
  return `${steps > 0 ? '+' : steps < 0 ? '−' : '±'}${v}`;
}

const tenths = (steps: number) => (Math.abs(steps) / 10).toFixed(1);

/** "about twice as far as", or "further than" where the ratio makes no round word. */
function howMuchFurther(ratio: number): string {
  if (ratio >= 1.75 && ratio < 2.5) return 'about twice as far as';
  const n = Math.round(ratio);
  const words = ['', '', '', 'three', 'four', 'five'];
  if (ratio >= 2.5 && n <= 5) return `about ${words[n]} times as far as`;
  if (ratio >= 2.5) return 'many times as far as';
  return 'further than';
}

/**
 * What moved share away from the balance point in the quarter before: the largest of its
 * outcome's lines for that quarter's happenings that went against the ropes, when it alone
 * moved share at least half as far as the customer went away (else no one cause did it).
 */
function pushedAway(
  state: SimState,
  quarter: number,
  dir: number,
  away: number,
): { by: WhySource; steps: number } | null {
  const split = shownSplit(state, quarter, 'share', TENTHS);
  let top: { by: WhySource; steps: number } | null = null;
  for (const l of split?.lines ?? []) {
    if (l.by.kind === 'pull' || Math.sign(l.steps) !== -dir) continue;
    if (!top || Math.abs(l.steps) > Math.abs(top.steps)) top = { by: l.by, steps: l.steps };
  }
  return top && 2 * Math.abs(top.steps) >= away ? top : null;
}

/** How a title is quoted: the outcome's “curly” quotes, or the debrief's split's "straight" ones. */
type Quotes = readonly [string, string];
const CURLY: Quotes = ['“', '”'];
const STRAIGHT: Quotes = ['"', '"'];

/**
 * What pushed the customer away, named as the outcomes name it: an event by its title, in
 * quotes; a reply by its quarter. Null for what has no short name (the team's confusion,
 * a direction wearing off): the note then names no cause.
 */
function causeName(scenario: ScenarioDef, by: WhySource, quotes: Quotes): string | null {
  if (by.kind !== 'cause') return null;
  if (by.source === 'event') {
    const title = scenario.events.find((e) => e.id === by.ref)?.title;
    return title ? `${quotes[0]}${title}${quotes[1]}` : null;
  }
  if (by.source === 'choice' || by.source === 'later') return `your Q${by.origin} reply`;
  if (by.source === 'market' && by.ref === 'noise') return 'market noise';
  if (by.source === 'market' && by.ref === 'price') return 'your price against the list price';
  return null;
}

/**
 * Where quarter `quarter`'s outcome should say why the ropes already pulling moved share so
 * much further than the quarter before (see the rule above); null where it need not.
 * `states` are the game's states from the start (statesAlong), when the caller has them.
 */
export function balanceGap(
  scenario: ScenarioDef,
  state: SimState,
  quarter: number,
  states?: readonly SimState[],
): BalanceGap | null {
  if (quarter < 2 || !state.history[quarter - 1]) return null;
  const along = states ?? statesAlong(scenario, state.seed, state.choices.slice(0, quarter - 1));
  const opened = along[quarter - 1];
  const openedBefore = along[quarter - 2];
  if (!opened || !openedBefore) return null;
  // the replay must be this game's: where it is not (a state built some other way), no
  // note rather than another game's figures
  if (opened.history[quarter - 2]?.metrics.share !== state.history[quarter - 2]?.metrics.share)
    return null;
  const now = balanceAt(scenario, state, quarter, opened);
  const before = balanceAt(scenario, state, quarter - 1, openedBefore);
  if (!now || !before) return null;
  const d = now.balance - now.share;
  const dBefore = before.balance - before.share;
  const dir = Math.sign(d);
  if (dir === 0 || Math.sign(dBefore) !== dir) return null;
  if (Math.sign(now.standing) !== dir || Math.sign(before.standing) !== dir) return null;
  if (Math.abs(d) < GREW_BY * Math.abs(dBefore)) return null;
  if (Math.abs(now.standing) < GREW_BY * Math.abs(before.standing)) return null;
  if (Math.abs(now.standing) - Math.abs(before.standing) < NOTABLE_STEPS) return null;
  // how far the customer itself went away from the balance point, and how far the point
  // went away from where the customer stood
  const away = -dir * (now.share - before.share);
  const pointAway = dir * (now.balance - before.balance);
  if (away <= 0 || 2 * pointAway > away) return null;
  const cause = pushedAway(state, quarter - 1, dir, away);
  return {
    quarter,
    now,
    before,
    cause,
    lead: `Why did the same ropes move share further than in Q${before.quarter} (${signedTenths(now.standing)} together, against ${signedTenths(before.standing)})?`,
    body: outcomeBody(scenario, now, before, cause),
  };
}

/** "14.4 points below the 44.8%": the distance and the balance point, from the values said. */
function distancePhrase(at: BalanceAt, the = 'the '): string {
  const d = at.balance - at.share;
  return `${tenths(d)} points ${d > 0 ? 'below' : 'above'} ${the}${tenths(at.balance)}%`;
}

function ratioOf(now: BalanceAt, before: BalanceAt): number {
  return Math.abs(now.balance - now.share) / Math.abs(before.balance - before.share);
}

/** "After “BrewCo keeps the kitchens”, your share of Harbour Logistics opened this quarter at 30.4%" */
function shareOpened(
  scenario: ScenarioDef,
  now: BalanceAt,
  cause: BalanceGap['cause'],
  when: string,
  quotes: Quotes,
): string {
  const named = cause ? causeName(scenario, cause.by, quotes) : null;
  const share = `your share of ${scenario.customer.name} opened ${when} at ${tenths(now.share)}%`;
  return named ? `After ${named}, ${share}` : capital(share);
}

function outcomeBody(
  scenario: ScenarioDef,
  now: BalanceAt,
  before: BalanceAt,
  cause: BalanceGap['cause'],
): string {
  return (
    `${shareOpened(scenario, now, cause, 'this quarter', CURLY)}: ${distancePhrase(now)} where these ropes settle it, ` +
    `${howMuchFurther(ratioOf(now, before))} a quarter before (${distancePhrase(before, '')}). ` +
    'The further a customer is from that point, the harder the same ropes pull it back: knocked off balance, it drifts back quickly.'
  );
}

/**
 * The same, for a debrief card whose split of the share counts that quarter among "the
 * ropes already pulling": what they moved, and why, after the split's own figures.
 */
export function cardSentence(scenario: ScenarioDef, gap: BalanceGap): string {
  const { now, before, cause } = gap;
  const lead = shareOpened(scenario, now, cause, `Q${now.quarter}`, STRAIGHT);
  return (
    `In Q${now.quarter} the ropes already pulling moved share ${signedTenths(now.standing)}, against ` +
    `${signedTenths(before.standing)} in Q${before.quarter}: ${lead.charAt(0).toLowerCase()}${lead.slice(1)}, ` +
    `${distancePhrase(now)} where those ropes settle it, ${howMuchFurther(ratioOf(now, before))} a quarter before. ` +
    'The further a customer is from that point, the harder the same ropes pull it back.'
  );
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
