import { SimError, type SimState, statesAlong, whatIf } from '../sim/index.ts';
import type { FairScore } from '../workers/fair-score.ts';
import { answerKeyState } from './answer-key.ts';
import type { DebriefState } from './debrief-types.ts';
import { noteTutorialFinished } from './tutorial.ts';
import type { GameState, Notice } from './types.ts';

// The debrief's actions. The workers (fair score, explanation) run outside the store and
// report here; the what-if and the timeline are decided here. Results for another game
// (a stale key) are dropped, so a late worker can never paint over a newer debrief.

export interface DebriefActions {
  /** the debrief of the finished game on show: made fresh unless it is already there */
  openDebrief(): void;
  fairProgress(key: string, done: number): void;
  fairDone(key: string, result: FairScore): void;
  fairFailed(key: string, message: string): void;
  explained(key: string, explanation: DebriefState['explanation']): void;
  explainFailed(key: string, message: string): void;
  /** another option at `quarter` (1-based), the rest of the market replayed on the same seed */
  openWhatIf(quarter: number, optionId: string): void;
  /** the finished game's result was handed in (see DebriefState.handedIn) */
  handIn(): void;
  closeWhatIf(): void;
  /** show the market after `quarter` quarters (0 = the start); clamped to the game */
  setTimeline(quarter: number): void;
}

export function debriefKey(s: Pick<GameState, 'entry' | 'sim'>): string | null {
  const { entry, sim } = s;
  if (!entry || !sim || sim.situationId !== null) return null;
  return `${entry.hash}|${sim.seed}|${sim.choices.join(',')}`;
}

function fresh(key: string, scenarioStates: SimState[]): DebriefState {
  return {
    key,
    fair: { status: 'computing', progress: 0, result: null, error: null },
    explanation: null,
    explainError: null,
    whatIf: null,
    actual: scenarioStates,
    alternative: null,
    timeline: scenarioStates.length - 1,
    timelineMoves: 0,
    timelineFrom: null,
    handedIn: false,
  };
}

/** Why the what-if is not open, in the trainee's words. */
const WHY_CLOSED = {
  facilitator: 'The what-if opens when your facilitator releases it.',
  'result-not-kept': "The what-if opens once this attempt's result is handed in.",
  'being-graded': 'The what-if opens once the server has graded this attempt.',
  'attempts-left': 'The what-if opens when you have no attempts left.',
  rehearsal: 'The what-if opens in the debrief of your last assessed attempt.',
} as const;

type Set = (partial: Partial<GameState>) => void;
type Get = () => GameState & { notify(tone: Notice['tone'], text: string): void };

export function debriefActions(set: Set, get: Get): DebriefActions {
  /** the debrief slice if it belongs to `key` (or to the game on show when no key is given) */
  const current = (key?: string): DebriefState | null => {
    const d = get().debrief;
    const want = key ?? debriefKey(get());
    return d && want !== null && d.key === want ? d : null;
  };
  const patch = (key: string, p: Partial<DebriefState>) => {
    const d = current(key);
    if (d) set({ debrief: { ...d, ...p } });
  };

  const openDebrief = () => {
    const key = debriefKey(get());
    const { entry, sim } = get();
    if (key === null || !entry || !sim || current(key)) return;
    // a tutorial played to its end: the title screen stops leading to it (the save effect keeps the note)
    const settings = noteTutorialFinished(get());
    set({
      debrief: fresh(key, statesAlong(entry.scenario, sim.seed, sim.choices)),
      ...(settings ? { settings } : {}),
    });
  };

  return {
    openDebrief,

    fairProgress(key, done) {
      const d = current(key);
      if (d?.fair.status === 'computing')
        patch(key, { fair: { ...d.fair, progress: Math.max(0, Math.min(1, done)) } });
    },

    fairDone: (key, result) =>
      patch(key, { fair: { status: 'done', progress: 1, result, error: null } }),

    fairFailed(key, message) {
      const d = current(key);
      if (d) patch(key, { fair: { ...d.fair, status: 'failed', error: message } });
    },

    explained: (key, explanation) => patch(key, { explanation, explainError: null }),

    explainFailed: (key, message) => patch(key, { explainError: message }),

    handIn() {
      openDebrief();
      const d = current();
      if (d && !d.handedIn) set({ debrief: { ...d, handedIn: true } });
    },

    openWhatIf(quarter, optionId) {
      const d = current();
      const { entry, sim } = get();
      if (!d || !entry || !sim) return;
      // the clock: a due date that has passed opens the key
      const closed = answerKeyState(get(), Date.now());
      if (closed !== null) {
        get().notify('info', WHY_CLOSED[closed]);
        return;
      }
      try {
        const result = whatIf(entry.scenario, sim.seed, sim.choices, quarter, optionId);
        const alternative = statesAlong(entry.scenario, sim.seed, result.alternative.choices);
        set({ debrief: { ...d, whatIf: { quarter, optionId, result }, alternative } });
      } catch (err) {
        if (!(err instanceof RangeError || err instanceof SimError)) throw err;
        get().notify('error', `That what-if could not be played: ${err.message}.`);
      }
    },

    closeWhatIf() {
      const d = current();
      if (d?.whatIf) set({ debrief: { ...d, whatIf: null, alternative: null } });
    },

    setTimeline(quarter) {
      const d = current();
      if (!d || !Number.isFinite(quarter)) return;
      const t = Math.max(0, Math.min(d.actual.length - 1, Math.round(quarter)));
      if (t === d.timeline) return;
      set({
        debrief: {
          ...d,
          timeline: t,
          timelineFrom: d.timeline,
          timelineMoves: d.timelineMoves + 1,
        },
      });
    },
  };
}
