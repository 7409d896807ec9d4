import { describe, expect, it } from 'vitest';
import {
  choiceShownIn,
  marketVariant,
  playChoices,
  type ScenarioDef,
  situationShownIn,
} from '../../src/sim/index.ts';
import { edited, errors, IN_FORMAT_1_1, load } from './helpers.ts';

// An alternative text may be written for some of a scenario's market variants (`markets:`
// in the alternative): a coach note that says "Tom is new to Harbour" in the market where he
// is, and the default in the others, instead of one note that leaves the trainee to work
// out which case was theirs. Display only, like every alternative.

const IN_FORMAT_1_2: [string, string] = ['schemaVersion: "1.0"', 'schemaVersion: "1.2"'];

const VARIANTS: [string, string] = [
  'situations:',
  `markets:
  - id: burned
    brief: "Harbour was let down by us last year."
    customer: { trust: 0.05 }
  - id: new-team
    brief: "Tom and Lena joined this spring."
    team:
      tom: { skill: 0.3 }
      lena: { skill: 0.35 }
situations:`,
];

const REPLY = `      - id: match-now
        label: "Match the offer today and put the whole team on Harbour this week"`;
const CARD = `    kind: crisis
    text: >-
      BrewCo learns it might lose Harbour`;

const NEW_TEAM_LABEL = 'Match the offer today, and send Maya with Tom and Lena this week';
const NEW_TEAM_COACH = 'Tom and Lena are new: a clear call shows them what a crisis takes.';
const BURNED_TEXT = 'BrewCo offers free servicing; Harbour, still sore from last year, listens.';

/** The base scenario with variants, and alternatives under match-now's label and the card. */
function withMarketTexts(reply: string, card = '', ...more: [string, string][]): string {
  return edited(
    IN_FORMAT_1_2,
    VARIANTS,
    [REPLY, `${REPLY}\n        alternatives:\n${reply}`],
    ...(card === ''
      ? []
      : [
          [
            CARD,
            `    kind: crisis\n    alternatives:\n${card}\n    text: >-\n      BrewCo learns it might lose Harbour`,
          ] as [string, string],
        ]),
    ...more,
  );
}

const SHIPPED_LIKE = withMarketTexts(
  `          - markets: [new-team]
            label: "${NEW_TEAM_LABEL}"
            coach: "${NEW_TEAM_COACH}"`,
  `      - markets: [burned]
        text: "${BURNED_TEXT}"`,
);

function scenarioOf(text: string): ScenarioDef {
  const r = load(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe('alternatives for some market variants: the format', () => {
  it('loads `markets` on a reply and on a card, with no error or warning in format 1.2', () => {
    const result = load(SHIPPED_LIKE);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    if (!result.ok) return;
    const rival = result.scenario.situations.find((s) => s.id === 'rival-offer')!;
    expect(rival.alternatives).toEqual([{ markets: ['burned'], text: BURNED_TEXT }]);
    expect(rival.choices[0]!.alternatives).toEqual([
      { markets: ['new-team'], label: NEW_TEAM_LABEL, coach: NEW_TEAM_COACH },
    ]);
  });

  it('refuses a misspelt variant at its line, naming the variant meant', () => {
    const out = errors(
      load(
        withMarketTexts(`          - markets: [burned, new-teem]
            coach: "${NEW_TEAM_COACH}"`),
      ),
    );
    expect(out).toEqual([
      '113:31: situations[2].choices[0].alternatives[0].markets[1]: no market variant "new-teem" (the variants are burned, new-team); did you mean new-team?',
    ]);
  });

  it('refuses `markets` in a scenario without variants: no game is dealt one', () => {
    const out = errors(
      load(
        edited(IN_FORMAT_1_2, [
          REPLY,
          `${REPLY}\n        alternatives:\n          - markets: [new-team]\n            coach: "${NEW_TEAM_COACH}"`,
        ]),
      ),
    );
    expect(out).toEqual([
      '104:22: situations[2].choices[0].alternatives[0].markets: this scenario has no market variants (`markets:` at the top level), so no game is dealt one: remove `markets` here, or add the variants',
    ]);
  });

  it('refuses an alternative that names every variant and nothing else: it would always hide the default', () => {
    const out = errors(
      load(
        withMarketTexts(`          - markets: [new-team, burned]
            coach: "${NEW_TEAM_COACH}"`),
      ),
    );
    expect(out).toEqual([
      '113:13: situations[2].choices[0].alternatives[0]: this alternative names every market variant, so it always holds and what it replaces would never show: leave out the variants the default is written for, or write it in place of the default',
    ]);
    // with an `after` as well it is a condition on the history, and loads
    const both = load(
      withMarketTexts(`          - markets: [new-team, burned]
            after: [depot-visit]
            coach: "${NEW_TEAM_COACH}"`),
    );
    expect(both.ok ? [] : both.issues).toEqual([]);
  });

  it('warns a file declaring 1.1 that uses `markets`, at the first one, asking for 1.2; and still loads it', () => {
    const in11 = SHIPPED_LIKE.replace('schemaVersion: "1.2"', 'schemaVersion: "1.1"');
    const result = load(in11);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => `${w.line}:${w.col}: ${w.path}: ${w.message}`)).toEqual([
      '106:9: situations[2].alternatives[0].markets: an alternative for some market variants (`markets`) came with format 1.2, and this file declares format 1.1: write schemaVersion: "1.2" at the top of the file, so that an older copy of Tug of War says it needs updating instead of failing here (this fixes the 1 other place that uses format 1.2 too)',
    ]);
  });

  it('asks a 1.0 file that uses parts of 1.1 and of 1.2 for 1.2, once, wherever the first part is', () => {
    const in10 = SHIPPED_LIKE.replace('schemaVersion: "1.2"', 'schemaVersion: "1.0"');
    const result = load(in10);
    expect(result.ok).toBe(true);
    const said = result.warnings.map((w) => w.message);
    expect(said).toHaveLength(1);
    // the card's `alternatives` (1.1) comes first in the file; the fix is still 1.2
    expect(said[0]).toMatch(
      /^a situation's `alternatives` came with format 1\.1, and this file declares format 1\.0: write schemaVersion: "1\.2" at the top of the file, .* \(this fixes the 3 other places that use formats 1\.1 and 1\.2 too\)$/,
    );
  });

  it('gives a file restated as 1.2 the fingerprint it had as 1.1 and as 1.0', () => {
    const old = load(edited());
    const as11 = load(edited(IN_FORMAT_1_1));
    const as12 = load(edited(IN_FORMAT_1_2));
    if (!old.ok || !as11.ok || !as12.ok) throw new Error('the base scenario loads');
    expect(as11.hash).toBe(old.hash);
    expect(as12.hash).toBe(old.hash);
    expect(as12.scenario.schemaVersion).toBe('1.2');
  });
});

describe('alternatives for some market variants: what each trainee reads', () => {
  const scenario = scenarioOf(SHIPPED_LIKE);
  const plain = scenarioOf(edited(IN_FORMAT_1_2, VARIANTS));
  const seeds = Array.from({ length: 40 }, (_, i) => String(i + 1));
  const dealt = (id: string) => seeds.filter((s) => marketVariant(scenario, s)?.id === id);
  const CHOICES = ['depot-visit', 'workshop', 'match-now'];

  it('deals both variants over these seeds', () => {
    expect(dealt('burned').length).toBeGreaterThan(0);
    expect(dealt('new-team').length).toBeGreaterThan(0);
  });

  it("shows a game of the new team its own label and coach note, and a burned market's the defaults", () => {
    for (const seed of dealt('new-team')) {
      const state = playChoices(scenario, seed, CHOICES);
      const read = choiceShownIn(scenario, state, 3, 'match-now')!;
      expect(read.label).toBe(NEW_TEAM_LABEL);
      expect(read.coach).toBe(NEW_TEAM_COACH);
      // the card's text is written for the burned market only
      expect(situationShownIn(scenario, state, 3).text).toMatch(/^BrewCo learns it might lose/);
    }
    for (const seed of dealt('burned')) {
      const state = playChoices(scenario, seed, CHOICES);
      const read = choiceShownIn(scenario, state, 3, 'match-now')!;
      expect(read.label).toBe('Match the offer today and put the whole team on Harbour this week');
      expect(read.coach).toBe(
        'In a crisis with a deadline, a clear call made fast is what the customer needs.',
      );
      expect(situationShownIn(scenario, state, 3).text).toBe(BURNED_TEXT);
    }
  });

  it('with `after` too, holds only where both do: the market and the earlier reply', () => {
    const both = scenarioOf(
      withMarketTexts(`          - markets: [new-team]
            after: [depot-visit]
            coach: "${NEW_TEAM_COACH}"`),
    );
    const seed = dealt('new-team')[0]!;
    const visited = playChoices(both, seed, ['depot-visit', 'workshop', 'match-now']);
    expect(choiceShownIn(both, visited, 3, 'match-now')!.coach).toBe(NEW_TEAM_COACH);
    const discounted = playChoices(both, seed, ['discount', 'workshop', 'match-now']);
    expect(choiceShownIn(both, discounted, 3, 'match-now')!.coach).not.toBe(NEW_TEAM_COACH);
    const burned = playChoices(both, dealt('burned')[0]!, ['depot-visit', 'workshop', 'match-now']);
    expect(choiceShownIn(both, burned, 3, 'match-now')!.coach).not.toBe(NEW_TEAM_COACH);
  });

  it('changes what the trainee reads, never a figure: every game ends the same without them', () => {
    for (const seed of seeds) {
      for (const first of ['discount', 'depot-visit', 'script']) {
        const choices = [first, 'workshop', 'match-now'];
        const a = playChoices(scenario, seed, choices);
        const b = playChoices(plain, seed, choices);
        expect(a.history).toEqual(b.history);
        expect(a.market).toBe(b.market);
      }
    }
  });
});
