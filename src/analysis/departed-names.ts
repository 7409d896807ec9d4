import {
  type ChoiceDef,
  historyAt,
  holdingAlternative,
  initialState,
  type RngState,
  randomChoice,
  type ScenarioDef,
  type SenderDef,
  type SimState,
  seedRng,
  shownSituation,
  situationById,
  step,
  type TextHistory,
} from '../sim/index.ts';

// A card that names someone who has left ("Let Chloé and Sara brief every ward" after Sara
// resigned) tells a trainee the game is not following them. This finds such texts: at a
// card, every text the player reads (the situation's text, its sender, each reply's label,
// detail and coach note) is searched for the name of a team member who is no longer on the
// team, or of a person outside the team whom the game's events have taken away (the author
// names those events). A text the author wrote for that departure (chosen by an alternative
// whose `after` lists only events or replies that take the person away: "since Sara left")
// may name them.

/** Someone outside the team whom an event (or reply) takes away, e.g. a buyer who moves on. */
export interface GonePerson {
  /** the name as texts write it: "Frank" also finds "Frank Delaney" */
  name: string;
  /** ids of the events or replies after which they are gone */
  after: readonly string[];
}

export type ShownField = 'text' | 'from' | 'label' | 'detail' | 'coach';

/** One shown text naming someone who has gone. */
export interface DepartedName {
  situation: string;
  quarter: number;
  field: ShownField;
  /** the reply, for a label, detail or coach note */
  choice: string | null;
  /** the name as found */
  person: string;
  text: string;
}

interface Gone {
  names: readonly string[];
  /** ids whose `after` makes a text written for the departure */
  departure: ReadonlySet<string>;
}

/** Letters on either side would make it part of another word ("Ben" in "Benefit"). */
function names(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, 'u').test(text);
}

/** Ids of the events and replies that make team member `id` leave. */
function leavingIds(scenario: ScenarioDef, id: string): Set<string> {
  const out = new Set<string>();
  for (const e of scenario.events) if (e.members?.[id]?.leaves) out.add(e.id);
  for (const s of scenario.situations) {
    for (const c of s.choices) if (c.members?.[id]?.leaves) out.add(c.id);
  }
  return out;
}

function goneAt(
  scenario: ScenarioDef,
  state: SimState,
  history: TextHistory,
  outside: readonly GonePerson[],
): Gone[] {
  const out: Gone[] = [];
  for (const m of state.members) {
    if (m.present) continue;
    const def = scenario.team.find((t) => t.id === m.id);
    if (!def) continue;
    const first = def.name.split(/\s+/)[0]!;
    out.push({ names: [def.name, first], departure: leavingIds(scenario, m.id) });
  }
  for (const p of outside) {
    if (p.after.some((id) => history.events.includes(id) || history.replies.includes(id))) {
      out.push({ names: [p.name], departure: new Set(p.after) });
    }
  }
  return out;
}

function senderText(scenario: ScenarioDef, from: SenderDef | undefined): string | undefined {
  if (from === undefined) return undefined;
  if (typeof from !== 'string') return [from.name, from.title].filter(Boolean).join(', ');
  return (
    scenario.team.find((m) => m.id === from)?.name ??
    scenario.competitors.find((c) => c.id === from)?.name
  );
}

/** Every text shown on the card waiting in `state` that names someone who has gone. */
export function departedNamesAt(
  scenario: ScenarioDef,
  state: SimState,
  outside: readonly GonePerson[] = [],
): DepartedName[] {
  if (state.situationId === null) return [];
  const quarter = state.quarter + 1;
  const history = historyAt(state, quarter);
  const gone = goneAt(scenario, state, history, outside);
  if (gone.length === 0) return [];
  const def = situationById(scenario, state.situationId);
  const shown = shownSituation(def, history);
  const out: DepartedName[] = [];
  const look = (
    field: ShownField,
    text: string | undefined,
    written: { after?: readonly string[] } | undefined,
    choice: ChoiceDef | null,
  ) => {
    if (text === undefined) return;
    for (const g of gone) {
      // written for this departure: every id it follows takes the person away
      const aware = written?.after?.every((id) => g.departure.has(id)) ?? false;
      if (aware) continue;
      const found = g.names.find((n) => names(text, n));
      if (found) {
        out.push({
          situation: def.id,
          quarter,
          field,
          choice: choice?.id ?? null,
          person: found,
          text,
        });
      }
    }
  };
  look('text', shown.text, holdingAlternative(def.alternatives, 'text', history), null);
  look(
    'from',
    senderText(scenario, shown.from),
    holdingAlternative(def.alternatives, 'from', history),
    null,
  );
  def.choices.forEach((c, i) => {
    const read = shown.choices[i]!;
    for (const field of ['label', 'detail', 'coach'] as const) {
      look(field, read[field], holdingAlternative(c.alternatives, field, history), c);
    }
  });
  return out;
}

/** Every card of one game played with uniformly random replies, checked as it comes up. */
export function departedNamesInRandomGame(
  scenario: ScenarioDef,
  seed: string,
  game: number,
  outside: readonly GonePerson[] = [],
): { hits: DepartedName[]; end: SimState } {
  let state = initialState(scenario, seed);
  let rng: RngState = seedRng(`names|${seed}|${game}`);
  const hits: DepartedName[] = [];
  while (state.situationId !== null) {
    hits.push(...departedNamesAt(scenario, state, outside));
    const pick = randomChoice(state, scenario, rng);
    rng = pick.rng;
    // untraced: the cards read the events and replies, not what moved each figure, and a
    // traced quarter costs twenty times an untraced one
    state = step(scenario, state, pick.choiceId, { trace: false });
  }
  return { hits, end: state };
}

const WHERE: Record<ShownField, string> = {
  text: 'on a situation card',
  from: "in a card's sender",
  label: 'in a reply',
  detail: "in a reply's detail",
  coach: 'in a coach note',
};

/**
 * For an author: how often, in games played with random replies, a team member who has
 * left is still named, in plain words ("Sara is named in a reply after leaving the team, in
 * 14% of the games where Sara leaves"). Empty when no such text was met.
 */
export function departedNamesWarnings(
  scenario: ScenarioDef,
  seeds: readonly string[],
  gamesPerSeed = 4,
): string[] {
  const left = new Map<string, number>();
  const named = new Map<string, { person: string; field: ShownField; games: number }>();
  for (const seed of seeds) {
    for (let g = 0; g < gamesPerSeed; g++) {
      const { hits, end } = departedNamesInRandomGame(scenario, seed, g);
      for (const m of end.members) {
        if (m.present) continue;
        const first = scenario.team.find((t) => t.id === m.id)?.name.split(/\s+/)[0] ?? m.id;
        left.set(first, (left.get(first) ?? 0) + 1);
      }
      const once = new Set(hits.map((h) => `${h.person.split(/\s+/)[0]}|${h.field}`));
      for (const key of once) {
        const [person, field] = key.split('|') as [string, ShownField];
        const n = named.get(key) ?? { person, field, games: 0 };
        n.games++;
        named.set(key, n);
      }
    }
  }
  return [...named.values()].map((n) => {
    const share = Math.round((100 * n.games) / Math.max(1, left.get(n.person) ?? 0));
    return `${n.person} is named ${WHERE[n.field]} after leaving the team, in ${share}% of the games where ${n.person} leaves: give that text an alternative \`after:\` the events that take ${n.person} away.`;
  });
}
