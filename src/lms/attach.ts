import { traineeSeed } from '../hr/binding.ts';
import { gradeIn } from '../hr/fair.ts';
import type { ScenarioDef, SimState } from '../sim/index.ts';
import type { CensusService } from '../workers/census-service.ts';
import { marketKey } from '../workers/fair-score.ts';
import type { LmsConfig } from './config.ts';
import { heldNotice, shouldReport } from './keep.ts';
import { NOT_SENT_NOTICE } from './notices.ts';
import type { LmsSession, RecordedResult } from './session.ts';
import { decodeSuspend, encodeSuspend } from './suspend.ts';

// Connects a running game to an LMS session: starts the package's market for the learner
// (resuming what the LMS kept), reports progress after each quarter and the fair score
// at the end, and closes the session when the page goes away. It talks to the game only
// through the store's state and public actions (the shape below is what it needs of
// src/store), so the game never waits on the LMS and plays on when the LMS fails.

export interface AssignmentContext {
  kind: 'assignment';
  session: string;
  trainee: string;
  passMark: number;
  attempts: number;
  attempt: number;
}

export interface LmsGameState {
  screen: string;
  phase: string;
  entry: { scenario: ScenarioDef; hash: string } | null;
  sim: SimState | null;
  context: { kind: string; attempt?: number };
  /** the attempt a fresh assessed briefing will count as, when the device counts it */
  attemptAhead?: number | null;
  startMarket(
    id: string,
    seed: string,
    context: AssignmentContext,
    hash?: string,
    model?: number,
  ): void;
  beginQuarters(): void;
  choose(choiceId: string): void;
  nextQuarter(): void;
  notify(tone: 'info' | 'warning' | 'error', text: string): void;
  /** the finished game's result is with the LMS: an assessed debrief may open its what-if */
  handIn?(): void;
  /** a way back to the course in the top bar (cmi5's returnURL) */
  offerExit?(exit: { label: string; leave(): void } | null): void;
}

export interface LmsHost {
  getState(): LmsGameState;
  subscribe(listener: (state: LmsGameState) => void): () => void;
}

export interface LmsAttachment {
  /** the assignment id records made in this package carry */
  session: string;
  trainee: string;
  seed: string;
  /** resolves once every finished game seen so far has been judged and reported */
  settled(): Promise<void>;
  detach(): void;
}

/** the trainee id of a learner the LMS does not name: every such learner shares one market */
export const UNNAMED_LEARNER = 'unknown-learner';

const UNNAMED_NOTICE = `Your learning system did not say who you are (it gave no learner id). You can play, and your score is reported to it, but your result code names you only as "${UNNAMED_LEARNER}": tell your trainer.`;

const PROBLEM_NOTICE =
  'The learning system did not accept the last report. Your game goes on and is kept on this device; your result code at the end carries your result.';

const NOT_JUDGED_NOTICE = (why: string) =>
  `Your score could not be worked out for the learning system (${why}). Your game is kept on this device; hand in your result code at the end instead.`;

/** The assignment id of a package: one per scenario, so its records name where they came from. */
export const packageSession = (scenarioId: string) => `scorm-${scenarioId}`;

export function attachLms(
  host: LmsHost,
  lms: LmsSession,
  config: LmsConfig,
  scenarios: readonly { scenario: ScenarioDef; hash: string }[],
  census: CensusService,
): LmsAttachment | null {
  const entry = scenarios.find((s) => s.scenario.id === config.scenario) ?? scenarios[0];
  if (!entry) return null;
  const id = entry.scenario.id;
  const session = packageSession(id);
  const named = lms.learnerId();
  const trainee = named ?? UNNAMED_LEARNER;
  if (named === null) host.getState().notify('warning', UNNAMED_NOTICE);
  const seed = traineeSeed(session, config.seed, trainee);
  const shelf = new Map(scenarios.map((s) => [s.scenario.id, s]));

  let problemsSeen = lms.problems.length;
  const warnOnProblems = () => {
    if (lms.problems.length > problemsSeen) {
      problemsSeen = lms.problems.length;
      host.getState().notify('warning', PROBLEM_NOTICE);
    }
  };

  // what the LMS kept of an earlier session on another device, if it is this learner's market
  const kept = lms.resume();
  const resumed = kept ? decodeSuspend(kept, shelf) : null;
  const progress = resumed?.ok && resumed.progress.seed === seed ? resumed.progress : null;
  if (resumed && !resumed.ok)
    host.getState().notify('warning', `${resumed.error}; starting afresh.`);

  // a game an earlier model played plays on by that model's rules
  host.getState().startMarket(
    id,
    seed,
    {
      kind: 'assignment',
      session,
      trainee,
      passMark: config.passMark,
      attempts: config.attempts,
      attempt: progress?.attempt ?? 0,
    },
    undefined,
    progress?.model,
  );
  catchUp(host, progress?.choices ?? []);

  // what the LMS holds: an earlier session's result, then each one this session sends
  let held: RecordedResult | null = lms.recorded();
  if (held)
    host
      .getState()
      .notify(
        'info',
        heldNotice(
          config.keep,
          held,
          entry.scenario.rubric.grading,
          attemptsLeft(host.getState(), config.attempts),
        ),
      );
  // what the LMS holds of this game: a device that played further than the LMS heard (the
  // course frame reloaded alone, and the LMS refused to start again) sends the rest now, so
  // the LMS's progress is this game's latest. A finished session's progress is not resumed:
  // there, the device's game is what the LMS already has.
  let reported = progress
    ? progress.choices.length
    : held
      ? (host.getState().sim?.choices.length ?? 0)
      : 0;
  let judged: SimState | null = null;
  let reporting: Promise<void> = Promise.resolve();
  const report = (s: LmsGameState) => {
    if (!s.entry || !s.sim || s.entry.scenario.id !== id || s.sim.seed !== seed) return;
    // the same market played again as practice (the debrief's "not graded" replay) counts nowhere
    if (s.context.kind !== 'assignment') return;
    const played = s.sim.choices.length;
    if (played !== reported) {
      reported = played;
      const data = encodeSuspend(s.entry.scenario, {
        scenario: id,
        hash: s.entry.hash,
        seed,
        attempt: s.context.attempt ?? 1,
        choices: s.sim.choices,
      });
      if (data.ok) lms.saveProgress(data.data);
      else s.notify('warning', `Your progress is kept on this device only: ${data.error}.`);
    }
    // each finished game once (the census behind the fair score is not free)
    if (s.sim.situationId === null && judged !== s.sim) {
      judged = s.sim;
      const { scenario, hash } = s.entry;
      const sim = s.sim;
      // in the census worker (usually kept from the prefetch during play), one game after
      // another, so that what the LMS holds is decided in the order the games were played
      reporting = reporting
        .then(() =>
          census.market(marketKey(hash, seed, scenario.model), scenario, seed, {
            onFallback: (notice) => host.getState().notify('info', notice),
          }),
        )
        .then((market) => {
          const fair = gradeIn(market.census, scenario, sim, config.passMark);
          if (lms.ended) {
            // kept as progress for the next launch, which resumes the game and reports it;
            // not handed in, so the debrief does not take it for recorded
            host.getState().notify('error', NOT_SENT_NOTICE);
            return;
          }
          if (shouldReport(config.keep, held, fair)) {
            lms.complete(fair.grade, fair.passed);
            held = { score: fair.grade, passed: fair.passed };
          }
          host.getState().handIn?.();
          warnOnProblems();
        })
        .catch((err: unknown) => {
          const why = err instanceof Error ? err.message : String(err);
          host.getState().notify('warning', NOT_JUDGED_NOTICE(why));
        });
    }
    warnOnProblems();
  };
  const unsubscribe = host.subscribe(report);
  report(host.getState());
  return { session, trainee, seed, settled: () => reporting, detach: unsubscribe };
}

/**
 * The attempts that count still to be finished after this launch's start: the one under
 * way counts as left, a finished game's attempt as used.
 */
function attemptsLeft(s: LmsGameState, attempts: number): number {
  const attempt = s.context.attempt ?? 0;
  const finished = s.sim?.situationId === null;
  const used =
    attempt === 0 ? Math.max(0, (s.attemptAhead ?? 1) - 1) : finished ? attempt : attempt - 1;
  return Math.max(0, attempts - used);
}

/** Plays the choices the LMS kept that this device has not seen (a new device, a cleared cache). */
function catchUp(host: LmsHost, choices: readonly string[]): void {
  const have = host.getState().sim?.choices ?? [];
  if (choices.length <= have.length || have.some((c, i) => choices[i] !== c)) return;
  if (host.getState().screen === 'briefing') host.getState().beginQuarters();
  for (const c of choices.slice(have.length)) {
    const s = host.getState();
    if (s.phase === 'outcome') s.nextQuarter();
    host.getState().choose(c);
  }
  if (host.getState().phase === 'outcome') host.getState().nextQuarter();
}
