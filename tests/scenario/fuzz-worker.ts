import { loadScenario } from '../../src/scenario/load.ts';
import { initialState, type ScenarioDef, step } from '../../src/sim/index.ts';

// Runs one load (and, for a file that loads, two plays through it) per message, in a
// process of its own, so the fuzz test can stop a load that hangs instead of hanging too.

export interface FuzzRequest {
  source: string;
  file: string;
}

export interface FuzzReply {
  ok: boolean;
  issues: { file: string; line: number; col: number; path: string; message: string }[];
  ms: number;
  /** what went wrong playing a scenario that loaded, if anything */
  playError?: string;
}

/** Plays the scenario to its end, always taking the choice `pick` picks. */
function play(scenario: ScenarioDef, pick: (n: number) => number): string | undefined {
  let state = initialState(scenario, 'fuzz');
  for (let guard = 0; state.situationId !== null; guard++) {
    if (guard > scenario.quarters) return 'the game runs past its quarters';
    const situation = scenario.situations.find((s) => s.id === state.situationId)!;
    state = step(scenario, state, situation.choices[pick(situation.choices.length)]!.id);
  }
  if (state.history.length !== scenario.quarters) {
    return `played ${state.history.length} quarters of ${scenario.quarters}`;
  }
  const bad = state.history.flatMap((h) =>
    Object.entries(h.metrics).filter(([, v]) => typeof v === 'number' && !Number.isFinite(v)),
  );
  return bad.length > 0 ? `metric ${bad[0]![0]} is ${bad[0]![1]}` : undefined;
}

process.on('message', ({ source, file }: FuzzRequest) => {
  const start = performance.now();
  const result = loadScenario(source, file);
  const ms = performance.now() - start;
  let playError: string | undefined;
  if (result.ok) {
    try {
      playError = play(result.scenario, () => 0) ?? play(result.scenario, (n) => n - 1);
    } catch (err) {
      playError = (err as Error).message;
    }
  }
  const reply: FuzzReply = {
    ok: result.ok,
    issues: result.ok ? [] : result.issues,
    ms,
    ...(playError ? { playError } : {}),
  };
  process.send?.(reply);
});

// tell the test the process is up, so its clock times loads and not the start-up
process.send?.({ ready: true });
