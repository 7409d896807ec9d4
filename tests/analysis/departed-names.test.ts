import { describe, expect, it } from 'vitest';
import {
  type DepartedName,
  departedNamesAt,
  departedNamesInRandomGame,
  departedNamesWarnings,
  type GonePerson,
} from '../../src/analysis/departed-names.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import {
  historyAt,
  initialState,
  playPolicy,
  policiesOf,
  type ScenarioDef,
  type SimState,
  shownSituation,
  situationById,
  step,
} from '../../src/sim/index.ts';
import { edited, load } from '../scenario/helpers.ts';

// No card names someone who has left: a trainee whose star rep resigned, reading "Let Chloé
// and Sara brief every ward", stops trusting the game. Every shipped scenario is played
// on many seeds, by every named policy and by random replies, and at every card reached
// every text the player reads (situation text, sender, reply labels, details, coach notes)
// is searched for a team member no longer on the team, and for the people outside the team
// listed below once the events that take them away have happened.

/** People outside the team whom a scenario's events take away, by scenario id. */
const GONE_OUTSIDE: Record<string, GonePerson[]> = {
  // "Frank moves on": promoted to a group role, no longer Vantor's purchasing manager
  'distrustful-account': [{ name: 'Frank', after: ['new-buyer'] }],
};

const SEEDS = 60;
const RANDOM_GAMES_PER_SEED = 4;

function describeHit(h: DepartedName): string {
  const where = h.choice ? `${h.situation}/${h.choice}` : h.situation;
  return `Q${h.quarter} ${where} ${h.field} names ${h.person}: "${h.text.slice(0, 90)}…"`;
}

/** Every card along a played game, checked as it came up. */
function alongGame(scenario: ScenarioDef, seed: string, choices: readonly string[]) {
  const out: DepartedName[] = [];
  let state: SimState = initialState(scenario, seed);
  for (const id of choices) {
    out.push(...departedNamesAt(scenario, state, GONE_OUTSIDE[scenario.id] ?? []));
    state = step(scenario, state, id);
  }
  return out;
}

describe('no shipped card names someone who has left', () => {
  for (const { scenario } of loadBundledScenarios()) {
    it(`${scenario.id}: policies and random replies over ${SEEDS} seeds`, () => {
      const outside = GONE_OUTSIDE[scenario.id] ?? [];
      const hits = new Map<string, number>();
      let departures = 0;
      for (let n = 1; n <= SEEDS; n++) {
        const seed = String(n);
        const games: DepartedName[][] = policiesOf(scenario).map((p) =>
          alongGame(scenario, seed, playPolicy(scenario, seed, p).choices),
        );
        for (let g = 0; g < RANDOM_GAMES_PER_SEED; g++) {
          games.push(departedNamesInRandomGame(scenario, seed, g, outside).hits);
        }
        for (const game of games) {
          for (const h of game) hits.set(describeHit(h), (hits.get(describeHit(h)) ?? 0) + 1);
        }
        const end = playPolicy(scenario, seed, 'random').state;
        if (end.members.some((m) => !m.present)) departures++;
      }
      expect([...hits.keys()].sort()).toEqual([]);
      // the check has something to check where the scenario can lose someone
      if (scenario.events.some((e) => Object.values(e.members ?? {}).some((m) => m.leaves))) {
        expect(departures).toBeGreaterThan(0);
      }
    });
  }
});

describe('the check finds what a player would read', () => {
  // the base scenario, where the depot visit makes Maya leave and the next card names her
  const LEAVES: [string, string] = [
    'effects: { trust: 0.06, contacts: 1 }',
    'effects: { trust: 0.06, contacts: 1 }\n        members: { maya: { leaves: true } }',
  ];
  const NAMES_HER: [string, string] = [
    'label: "Run a short session where the team builds one offer together"',
    'label: "Run a short session where Tom and Maya build one offer together"',
  ];
  const scenarioOf = (...edits: [string, string][]) => {
    const r = load(edited(...edits));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.scenario;
  };
  const cardAfter = (scenario: ScenarioDef, first: string) =>
    step(scenario, initialState(scenario, '1'), first);

  it('finds a member who has left named in a reply label, only on the road where she left', () => {
    const scenario = scenarioOf(LEAVES, NAMES_HER);
    const hits = departedNamesAt(scenario, cardAfter(scenario, 'depot-visit'));
    expect(hits.map((h) => [h.field, h.choice, h.person])).toEqual([['label', 'workshop', 'Maya']]);
    expect(departedNamesAt(scenario, cardAfter(scenario, 'discount'))).toEqual([]);
  });

  it('accepts a text written for the departure, and shows it on the card', () => {
    const scenario = scenarioOf(LEAVES, [
      NAMES_HER[0],
      `${NAMES_HER[1]}\n        alternatives:\n          - { after: [depot-visit], label: "Run a short session where Tom and Lena build one offer, now that Maya has left" }`,
    ]);
    const state = cardAfter(scenario, 'depot-visit');
    expect(departedNamesAt(scenario, state)).toEqual([]);
    const shown = shownSituation(
      situationById(scenario, state.situationId!),
      historyAt(state, state.quarter + 1),
    );
    expect(shown.choices.find((c) => c.id === 'workshop')?.label).toContain(
      'now that Maya has left',
    );
  });

  it('finds a person outside the team named in the sender once the event took them away', () => {
    const scenario = scenarioOf(LEAVES, [
      'kind: routine',
      'kind: routine\n    from: { name: "Greta Holm", title: "Facilities manager, Harbour" }',
    ]);
    const outside: GonePerson[] = [{ name: 'Greta', after: ['discount'] }];
    const hits = departedNamesAt(scenario, cardAfter(scenario, 'discount'), outside);
    expect(hits.map((h) => [h.field, h.person])).toEqual([['from', 'Greta']]);
    expect(departedNamesAt(scenario, cardAfter(scenario, 'script'), outside)).toEqual([]);
  });

  it("words the report's warning for authors, and is silent once the texts follow", () => {
    const seeds = ['1', '2', '3', '4', '5', '6', '7', '8'];
    // every game that took the depot visit reads her name on the next reply and on the
    // last card ("The purchasing manager calls Maya")
    const card =
      'Maya is named on a situation card after leaving the team, in 100% of the games where Maya leaves: give that text an alternative `after:` the events that take Maya away.';
    expect(departedNamesWarnings(scenarioOf(LEAVES, NAMES_HER), seeds)).toEqual([
      'Maya is named in a reply after leaving the team, in 100% of the games where Maya leaves: give that text an alternative `after:` the events that take Maya away.',
      card,
    ]);
    expect(departedNamesWarnings(scenarioOf(LEAVES), seeds)).toEqual([card]);
    const { scenario } = loadBundledScenarios().find((b) => b.scenario.id === 'who-owns')!;
    expect(departedNamesWarnings(scenario, seeds)).toEqual([]);
  });
});
