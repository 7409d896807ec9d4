import { describe, expect, it } from 'vitest';
import type { ScenarioDef } from '../../src/sim/index.ts';
import {
  census,
  chosenText,
  historyAt,
  playChoices,
  situationById,
  situationTextIn,
  situationTextNow,
} from '../../src/sim/index.ts';
import { BASE, edited, load } from '../scenario/helpers.ts';

// A situation's card follows the player's history: the first alternative that holds (an
// earlier reply or event, last quarter's figures) replaces its text. It is display only:
// every result is the same to the bit with or without the alternatives.

const AFTER_VISIT = 'BrewCo strikes; the buyer rings you first, since the depot visit.';
const ANY_TRUST = 'BrewCo strikes; Harbour still takes your calls.';

function scenarioOf(text: string): ScenarioDef {
  const r = load(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

const plain = scenarioOf(BASE);
const withTexts = scenarioOf(
  edited([
    `    kind: crisis
    text: >-`,
    `    kind: crisis
    alternatives:
      - after: [depot-visit]
        text: "${AFTER_VISIT}"
      - when: { trust: { below: 2 } }
        text: "${ANY_TRUST}"
    text: >-`,
  ]),
);
const SEED = '7';
const rival = situationById(withTexts, 'rival-offer');

describe("the situation card's text", () => {
  it('is the first alternative that holds, for the game played so far', () => {
    const visited = playChoices(withTexts, SEED, ['depot-visit', 'workshop']);
    expect(visited.situationId).toBe('rival-offer');
    // both alternatives hold after the visit: the first one written wins
    expect(situationTextNow(withTexts, visited)).toBe(AFTER_VISIT);
    const discounted = playChoices(withTexts, SEED, ['discount', 'workshop']);
    expect(situationTextNow(withTexts, discounted)).toBe(ANY_TRUST);
  });

  it("is the situation's own text when no alternative holds", () => {
    const start = playChoices(withTexts, SEED, []);
    const history = { ...historyAt(start, 1), replies: ['discount'] };
    const noTrust = { ...history, metrics: { ...history.metrics, trust: 3 } };
    expect(chosenText(rival, noTrust)).toBe(rival.text);
    // an event that happened earlier counts as a reply does
    const asEvent = { ...noTrust, events: ['depot-visit'] };
    expect(chosenText(rival, asEvent)).toBe(AFTER_VISIT);
  });

  it('stays what the player read once the game has moved on', () => {
    const end = playChoices(withTexts, SEED, ['depot-visit', 'workshop', 'consult-team']);
    expect(end.situationId).toBeNull();
    expect(situationTextNow(withTexts, end)).toBeNull();
    expect(situationTextIn(withTexts, end, 3)).toBe(AFTER_VISIT);
    expect(situationTextIn(withTexts, end, 1)).toBe(situationById(withTexts, 'first-call').text);
    expect(() => situationTextIn(withTexts, end, 4)).toThrow(RangeError);
  });

  it('changes no result: every strategy ends in the same state, the census the same', () => {
    const firsts = plain.situations[0]!.choices.map((c) => c.id);
    const seconds = plain.situations[1]!.choices.map((c) => c.id);
    const thirds = plain.situations[2]!.choices.map((c) => c.id);
    for (const a of firsts)
      for (const b of seconds)
        for (const c of thirds) {
          const choices = [a, b, c];
          expect(playChoices(withTexts, SEED, choices)).toEqual(playChoices(plain, SEED, choices));
        }
    expect(census(withTexts, SEED)).toEqual(census(plain, SEED));
  });
});
