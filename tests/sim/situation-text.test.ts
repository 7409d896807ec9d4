import { describe, expect, it } from 'vitest';
import type { ScenarioDef } from '../../src/sim/index.ts';
import {
  census,
  choiceShownIn,
  chosenText,
  historyAt,
  playChoices,
  situationById,
  situationShownIn,
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
const MATCH_AFTER_VISIT = 'Match the offer today, with the depot team behind you';
const COACH_AFTER_VISIT = 'The depot team you met asked for exactly this.';
// a reply's label and coach note, and the sender, follow the history as the text does; the
// coach note has an alternative of its own that the label does not share
const withReplies = scenarioOf(
  edited(
    [
      `    kind: crisis
    text: >-`,
      `    kind: crisis
    from: { name: "Harbour's purchasing manager" }
    alternatives:
      - after: [depot-visit]
        text: "${AFTER_VISIT}"
        from: { name: "Harbour's depot manager", title: "Harbour Logistics" }
    text: >-`,
    ],
    [
      `        label: "Match the offer today and put the whole team on Harbour this week"`,
      `        label: "Match the offer today and put the whole team on Harbour this week"
        alternatives:
          - { after: [depot-visit], label: "${MATCH_AFTER_VISIT}" }
          - { after: [depot-visit, discount], coach: "${COACH_AFTER_VISIT}" }`,
    ],
  ),
);
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

describe("a reply's texts and the card's sender", () => {
  it('follow the history: each field from the first alternative that holds and gives it', () => {
    const visited = playChoices(withReplies, SEED, ['depot-visit', 'workshop']);
    const card = situationShownIn(
      withReplies,
      playChoices(withReplies, SEED, ['depot-visit', 'workshop', 'match-now']),
      3,
    );
    expect(card.text).toBe(AFTER_VISIT);
    expect(card.from).toEqual({ name: "Harbour's depot manager", title: 'Harbour Logistics' });
    const match = card.choices.find((c) => c.id === 'match-now')!;
    expect(match.label).toBe(MATCH_AFTER_VISIT);
    expect(match.coach).toBe(COACH_AFTER_VISIT);
    // the other replies read as written
    expect(card.choices.find((c) => c.id === 'ignore')).toEqual(
      situationById(withReplies, 'rival-offer').choices.find((c) => c.id === 'ignore'),
    );
    expect(situationTextNow(withReplies, visited)).toBe(AFTER_VISIT);
    // another road: only the coach's alternative holds, the label and sender are the defaults
    const discounted = playChoices(withReplies, SEED, ['discount', 'workshop', 'match-now']);
    const other = situationShownIn(withReplies, discounted, 3);
    expect(other.from).toEqual({ name: "Harbour's purchasing manager" });
    const otherMatch = other.choices.find((c) => c.id === 'match-now')!;
    expect(otherMatch.label).toBe(
      'Match the offer today and put the whole team on Harbour this week',
    );
    expect(otherMatch.coach).toBe(COACH_AFTER_VISIT);
    expect(choiceShownIn(withReplies, discounted, 3, 'match-now')).toEqual(otherMatch);
  });

  it('change no result: the same states and census as without them', () => {
    for (const first of plain.situations[0]!.choices) {
      const choices = [first.id, 'workshop', 'match-now'];
      expect(playChoices(withReplies, SEED, choices)).toEqual(playChoices(plain, SEED, choices));
    }
    expect(census(withReplies, SEED)).toEqual(census(plain, SEED));
  });
});
