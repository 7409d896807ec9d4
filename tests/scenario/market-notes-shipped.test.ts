import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import {
  explainGame,
  initialState,
  marketVariant,
  quartersShown,
  type ScenarioDef,
  type SimState,
  situationById,
  step,
} from '../../src/sim/index.ts';

// The shipped coach notes that used to hedge between market variants ("if Luis has sold to
// them for years…; if he is new to the line…") now say what is true in the trainee's own
// market. A trainee's debrief reads the note of the market they were dealt, and so does
// `npm run simulate`'s printout: the same reply, in two markets, two notes.

const silos = loadScenarioFile(`${SCENARIO_DIR}silos.yaml`).scenario;
const whoOwns = loadScenarioFile(`${SCENARIO_DIR}who-owns.yaml`).scenario;

/** A finished game: `reply` wherever `situation` comes up, the first reply everywhere else. */
function playWith(scenario: ScenarioDef, seed: string, situation: string, reply: string) {
  let state: SimState = initialState(scenario, seed);
  while (state.situationId !== null) {
    const s = situationById(scenario, state.situationId);
    state = step(scenario, state, s.id === situation ? reply : s.choices[0]!.id);
  }
  return state;
}

/** A seed dealt the variant `market`. */
function seedOf(scenario: ScenarioDef, market: string): string {
  for (let i = 1; i < 500; i++) {
    if (marketVariant(scenario, String(i))?.id === market) return String(i);
  }
  throw new Error(`no seed under 500 is dealt ${market}`);
}

/** The coach note the debrief gives the reply taken at `situation`. */
function debriefNote(scenario: ScenarioDef, market: string, situation: string, reply: string) {
  const state = playWith(scenario, seedOf(scenario, market), situation, reply);
  expect(state.market).toBe(market);
  // the best path does not change the note: the player's own is given, to spare the search
  const e = explainGame(scenario, state, { best: state.choices });
  const d = e.decisions.find((x) => x.situationId === situation)!;
  expect(d.choiceId).toBe(reply);
  // npm run simulate prints the same note for that quarter
  expect(quartersShown(scenario, state).find((q) => q.situation === situation)!.coach).toBe(
    d.coach,
  );
  return d.coach ?? '';
}

describe('shipped coach notes follow the market the trainee was dealt', () => {
  it('silos: Luis answering Granite himself is the veteran reply in the burned market, margin given away where he is new', () => {
    const burned = debriefNote(silos, 'burned-customer', 'price-war', 'match-consumables');
    expect(burned).toMatch(/^Luis has sold consumables to Meridian's buyers for ten years/);
    expect(burned).not.toMatch(/\bif he is new\b/i);
    for (const market of ['seasoned-leads', 'new-leads']) {
      const note = debriefNote(silos, market, 'price-war', 'match-consumables');
      expect(note).toMatch(/^Luis joined consumables this year/);
      expect(note).toContain('he gives away margin');
      expect(note).not.toContain('ten years');
    }
  });

  it("who-owns: Chloé's audit note says she knows hospitals where she does, and that she is learning where she is new", () => {
    const seasoned = debriefNote(whoOwns, 'chloe-seasoned', 'many-sources', 'chloe-audit');
    const green = debriefNote(whoOwns, 'ben-seasoned', 'many-sources', 'chloe-audit');
    expect(seasoned).toContain('who has sold to its wards for six years');
    expect(green).toContain('is still learning how a hospital works');
    for (const note of [seasoned, green]) expect(note).not.toMatch(/\bif she\b/);
  });
});
