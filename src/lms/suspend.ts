import {
  modelOfScenario,
  nextSituationId,
  otherModel,
  type ScenarioDef,
  situationById,
  UNSTAMPED_MODEL,
} from '../sim/index.ts';

// What the LMS keeps for us between sessions (cmi.suspend_data): the market and the
// choices so far, each as its option's position in base 36, so even a long game is a few
// hundred characters. SCORM 1.2 allows 4,096; scorm-again does not enforce it, we do.
// "m" names the model that played it (absent before it was kept: model 1): a game of an
// earlier model this version replays is continued under that model's rules.

export const SUSPEND_LIMIT = 4096;

export interface Progress {
  scenario: string;
  hash: string;
  seed: string;
  attempt: number;
  choices: string[];
  /** the model that played it: the one its game plays on by */
  model: number;
}

export type SuspendResult = { ok: true; data: string } | { ok: false; error: string };

/** The progress of a game on `scenario`, stamped with the model it plays by (its scenario's). */
export function encodeSuspend(scenario: ScenarioDef, p: Omit<Progress, 'model'>): SuspendResult {
  let at: string | null = scenario.situations[0]?.id ?? null;
  let digits = '';
  for (const id of p.choices) {
    if (at === null) return { ok: false, error: 'more choices than the scenario has' };
    const s = situationById(scenario, at);
    const i = s.choices.findIndex((c) => c.id === id);
    if (i < 0 || i >= 36) return { ok: false, error: `choice "${id}" is not an option here` };
    digits += i.toString(36);
    at = nextSituationId(scenario, s, s.choices[i]!);
  }
  const data = JSON.stringify({
    v: 1,
    m: modelOfScenario(scenario),
    s: p.scenario,
    h: p.hash,
    seed: p.seed,
    a: p.attempt,
    c: digits,
  });
  if (data.length > SUSPEND_LIMIT) {
    return {
      ok: false,
      error: `progress needs ${data.length} characters; SCORM 1.2 keeps ${SUSPEND_LIMIT}`,
    };
  }
  return { ok: true, data };
}

export type ResumeResult = { ok: true; progress: Progress } | { ok: false; error: string };

/** Reads suspend data back against the scenarios this game has. */
export function decodeSuspend(
  data: string,
  scenarios: ReadonlyMap<string, { scenario: ScenarioDef; hash: string }>,
): ResumeResult {
  let v: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed !== 'object' || parsed === null) throw new Error();
    v = parsed as Record<string, unknown>;
  } catch {
    return { ok: false, error: 'the saved progress is not ours or is damaged' };
  }
  if (v.v !== 1 || typeof v.s !== 'string' || typeof v.h !== 'string' || typeof v.seed !== 'string')
    return { ok: false, error: 'the saved progress is not ours or is damaged' };
  if (typeof v.c !== 'string' || !/^[0-9a-z]*$/.test(v.c) || typeof v.a !== 'number')
    return { ok: false, error: 'the saved progress is damaged' };
  const model = v.m ?? UNSTAMPED_MODEL;
  if (typeof model !== 'number') return { ok: false, error: 'the saved progress is damaged' };
  const another = otherModel(model, 'the saved progress');
  if (another) return { ok: false, error: another };
  const entry = scenarios.get(v.s);
  if (!entry || entry.hash !== v.h)
    return { ok: false, error: 'the saved progress is for a scenario this package no longer has' };
  const choices: string[] = [];
  let at: string | null = entry.scenario.situations[0]?.id ?? null;
  for (const d of v.c) {
    if (at === null) return { ok: false, error: 'the saved progress has too many choices' };
    const s = situationById(entry.scenario, at);
    const c = s.choices[Number.parseInt(d, 36)];
    if (!c) return { ok: false, error: 'the saved progress does not fit the scenario' };
    choices.push(c.id);
    at = nextSituationId(entry.scenario, s, c);
  }
  return {
    ok: true,
    progress: { scenario: v.s, hash: v.h, seed: v.seed, attempt: v.a, choices, model },
  };
}
