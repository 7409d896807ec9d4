import {
  type ScenarioDef,
  type SimState,
  type SituationDef,
  situationShownIn,
} from '../sim/index.ts';

// A room's games reach one situation by different roads, so its card and replies read
// differently from player to player (texts that follow the game so far). The slides and
// the dashboard show one version to the whole room: for each text, the one most of the
// players who met the situation read, the scenario's own when nobody has met it yet.

function mostCommon(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [value, n] of counts) {
    if (n > most) {
      best = value;
      most = n;
    }
  }
  return best;
}

function count(map: Map<string, Map<string, number>>, key: string, value: string | undefined) {
  if (value === undefined) return;
  const inner = map.get(key) ?? new Map<string, number>();
  inner.set(value, (inner.get(value) ?? 0) + 1);
  map.set(key, inner);
}

/** `situation` as most of these games read it (in the quarter each met it). */
export function mostReadSituation(
  scenario: ScenarioDef,
  situation: SituationDef,
  games: readonly SimState[],
): SituationDef {
  const read = new Map<string, Map<string, number>>();
  for (const state of games) {
    const report = state.history.find((r) => r.situationId === situation.id);
    if (!report) continue;
    const shown = situationShownIn(scenario, state, report.quarter);
    count(read, 'text', shown.text);
    for (const c of shown.choices) {
      count(read, `label:${c.id}`, c.label);
      count(read, `detail:${c.id}`, c.detail);
      count(read, `coach:${c.id}`, c.coach);
    }
  }
  const pick = (key: string) => {
    const counts = read.get(key);
    return counts ? mostCommon(counts) : undefined;
  };
  return {
    ...situation,
    text: pick('text') ?? situation.text,
    choices: situation.choices.map((c) => {
      const detail = pick(`detail:${c.id}`) ?? c.detail;
      const coach = pick(`coach:${c.id}`) ?? c.coach;
      return {
        ...c,
        label: pick(`label:${c.id}`) ?? c.label,
        ...(detail === undefined ? {} : { detail }),
        ...(coach === undefined ? {} : { coach }),
      };
    }),
  };
}
