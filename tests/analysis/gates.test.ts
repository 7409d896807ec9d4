import { describe, expect, it } from 'vitest';
import { GATE_TARGETS, GATE_TREE_LIMIT, gateReport } from '../../src/analysis/gates.ts';
import { gatesMarkdown } from '../../src/analysis/gates-markdown.ts';
import { mean, variance } from '../../src/analysis/stats.ts';
import { syntheticScenario } from '../../src/cli/synthetic.ts';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import {
  type ChoiceDef,
  countStrategies,
  type EventDef,
  playChoices,
  rawScoreByTerms,
  type ScenarioDef,
  termsOf,
} from '../../src/sim/index.ts';
import { HOLD, market, reply } from '../helpers/market.ts';

// The balance gates on markets so small that the right answer is known by construction.

const SEEDS = ['1', '2', '3', '4'];

const sit = (id: string, choices: ChoiceDef[]) => ({ id, title: id, text: id, choices });

/** Two decisions at which one reply (labelled directive) is always better than the other. */
function dominated(): ScenarioDef {
  const good: ChoiceDef = { id: 'good', label: 'Good', style: 'directive', effects: { home: 0.3 } };
  const bad: ChoiceDef = { id: 'bad', label: 'Bad', style: 'collaborative' };
  return market({
    id: 'dominated',
    params: { noise: 0 },
    situations: [sit('d1', [good, bad]), sit('d2', [good, bad])],
  });
}

/**
 * The best reply at each decision depends on the other one. Trust does not damp any pull
 * here (trustFloor 1), so trust is worth something only to a push: building trust first
 * and pushing after wins; without the trust, a small gain of habit and no push wins.
 */
function interlocked(): ScenarioDef {
  return market({
    id: 'interlocked',
    params: { noise: 0, trustFloor: 1 },
    customer: { trust: 0.1 },
    situations: [
      sit('d1', [
        { id: 'trust', label: 'Earn trust', style: 'collaborative', effects: { trust: 0.6 } },
        { id: 'habit', label: 'Lock in', style: 'directive', effects: { home: 0.2 } },
      ]),
      sit('d2', [reply('push', { push: 1 }, 'directive'), HOLD]),
    ],
  });
}

/** Every strategy's score on one seed, played one by one: the gates' own walk, checked. */
function everyScore(sc: ScenarioDef, seed: string, paths: string[][]): number[] {
  const terms = termsOf(sc.rubric);
  return paths.map((p) => rawScoreByTerms(terms, playChoices(sc, seed, p)));
}

describe('gateReport on a scenario where one reply always wins', () => {
  const sc = dominated();
  const r = gateReport(sc, SEEDS);
  const gate = (name: string) => r.gates.find((g) => g.name === name)!;

  it('shows the dominant reply winning 100% of contexts, and judgement failing', () => {
    expect(r.strategies).toBe(4);
    for (const s of r.situations) {
      // each seed gives two contexts per decision: the two replies at the other one
      expect(s.contexts).toBe(2 * SEEDS.length);
      expect(s.replies.find((x) => x.choice === 'good')!.wins).toBe(s.contexts);
      expect(s.replies.find((x) => x.choice === 'bad')!.wins).toBe(0);
      expect(s.usualWrong).toBe(0);
    }
    expect(gate('judgement matters').pass).toBe(false);
    expect(gate('judgement matters').why).toContain('in 0 of 2 situations');
    // a failing gate asks its question, and says what to change in the file
    expect(gate('judgement matters').question).toBe(
      'Does the best reply depend on what the player did before?',
    );
    expect(gate('judgement matters').fix).toContain('Let earlier decisions change');
    expect(r.pass).toBe(false);
  });

  it('reports the reply that no top strategy takes as a dead choice', () => {
    expect(gate('no dead choice').pass).toBe(false);
    expect(gate('no dead choice').why).toContain('d1/bad');
    expect(gate('no dead choice').why).toContain('d2/bad');
    expect(gate('no dead choice').why).not.toContain('/good');
    // a dead reply is not listed a second time as one that never wins a context
    expect(gate('no dead choice').why).not.toContain('never the best reply');
  });

  it('flags the policy that reads the label of the winning reply', () => {
    const directive = r.policies.find((p) => p.policy === 'directive')!;
    expect(directive.medianPercentile).toBe(75);
    expect(directive.gap).toBeCloseTo(0, 9);
    expect(directive.pass).toBe(false);
    const collaborative = r.policies.find((p) => p.policy === 'collaborative')!;
    expect(collaborative.medianPercentile).toBe(0);
    const labels = gate('label-reading policies lose');
    expect(labels.pass).toBe(false);
    // the policy is described as a player, with the figure and the limit it breaks
    expect(labels.why).toContain(
      'A player who always takes the directive reply does better than 75% of all ways to play',
    );
    expect(labels.why).toContain('at or below 70% and at least 8 points under the best path');
    // every gated policy is a way of playing without judgement; random is only a yardstick
    expect(r.policies.map((p) => p.policy).sort()).toEqual(
      ['collaborative', 'crisis-rule', 'directive', 'first-shown', 'greedy'].sort(),
    );
  });

  it('says so in the Markdown: the verdict, the failing gates and the 100% winner', () => {
    const md = gatesMarkdown(r);
    expect(md).toContain('**Verdict: 3 of 4 gates fail.**');
    expect(md).toContain(
      '- FAIL: **Does the best reply depend on what the player did before?** No: ',
    );
    expect(md).toContain(
      '- FAIL: **Is every reply part of one of the strongest ways to play in some games?** No: ',
    );
    expect(md).toContain('- PASS: **Do the choices matter more than luck?** Yes: ');
    expect(md).toMatch(/\| Good \(`good`\) \| directive \| 100% \|/);
    expect(md).toContain('| a player who always takes the directive reply |');
  });

  it('says what to change when a colleague’s replies carry over between starting situations', () => {
    const copied = {
      ...r,
      copying: { ...r.copying, variants: 2, crossMedian: 95, sameMedian: 99, pass: false },
    };
    const md = gatesMarkdown(copied);
    expect(md).toContain("- FAIL: **copying a colleague's replies**");
    expect(md).toContain(
      "*What to change:* A colleague's best replies work on a market dealt another starting situation",
    );
    expect(gatesMarkdown(r)).not.toContain("A colleague's best replies work");
  });
});

describe('gateReport on a scenario where the best reply depends on the other decision', () => {
  const sc = interlocked();
  const r = gateReport(sc, SEEDS);

  it('the construction holds: trust then push, or habit then hold, on every seed', () => {
    for (const seed of SEEDS) {
      const [tp, th, hp, hh] = everyScore(sc, seed, [
        ['trust', 'push'],
        ['trust', 'hold'],
        ['habit', 'push'],
        ['habit', 'hold'],
      ]);
      expect(tp).toBeGreaterThan(hp!);
      expect(hh).toBeGreaterThan(th!);
      expect(tp).toBeGreaterThan(th!);
      expect(hh).toBeGreaterThan(hp!);
    }
  });

  it('finds the usual winner wrong in half the contexts at both decisions, and judgement passing', () => {
    for (const s of r.situations) {
      expect(s.usualWrong, s.situation).toBeCloseTo(0.5, 9);
      expect(s.replies.map((x) => x.wins)).toEqual([SEEDS.length, SEEDS.length]);
    }
    const judged = r.gates.find((g) => g.name === 'judgement matters')!;
    expect(judged.pass).toBe(true);
    expect(judged.why).toContain('in 2 of 2 situations');
    expect(judged.fix).toBeNull();
  });

  it('holds the rules that change style once to the first gate, played as named', () => {
    // two styles and two decisions: collaborative then directive (earn trust, then push),
    // and directive then collaborative (lock in, then hold)
    const w = r.switching!;
    expect(w.rules).toBe(2);
    const paths: Record<string, string[]> = {
      'collaborative-for-1-then-directive': ['trust', 'push'],
      'directive-for-1-then-collaborative': ['habit', 'hold'],
    };
    expect(Object.keys(paths)).toContain(w.worst.policy);
    const scores = SEEDS.map((seed) => everyScore(sc, seed, [paths[w.worst.policy]!])[0]!);
    expect(w.worst.meanScore).toBeCloseTo(mean(scores), 9);
    expect(r.policies.map((p) => p.policy)).not.toContain(w.worst.policy);
    // a rule that changes style once takes a winning pair on every seed: the first gate's
    // answer names it after the fixed rules
    expect(w.worst.pass).toBe(false);
    expect(w.failing).toBeGreaterThan(0);
    const labels = r.gates.find((g) => g.name === 'label-reading policies lose')!;
    expect(labels.pass).toBe(false);
    expect(labels.why).toContain(
      `${w.failing} of the 2 rules that take one style for some quarters and another after ${w.failing === 1 ? 'comes' : 'come'} too near the best path`,
    );
    expect(labels.fix).toContain('a rule that changes style once');
    const md = gatesMarkdown(r);
    expect(md).toContain(
      '- FAIL: **Does a player who follows a fixed rule, or changes style once, without reading the situation, fall clearly behind the best path?** No: ',
    );
    expect(md).toMatch(
      /\| a player who takes the (collaborative|directive) reply for the first quarter, then the (directive|collaborative) one \(the strongest of the 2 rules that change style once; \d fails?\) \|.*\| FAIL \|/,
    );
  });
});

describe('luck from the starting situations', () => {
  // the seed deals one of two starting situations, one far better placed than the other:
  // the seed then explains most of the spread, and the advice names the starting situations
  const sc: ScenarioDef = {
    ...market({
      id: 'lopsided',
      params: { noise: 0 },
      situations: [sit('d1', [reply('give', { give: 1 }), HOLD]), sit('d2', [HOLD])],
    }),
    markets: [
      {
        id: 'ahead',
        name: 'Far ahead',
        brief: 'They buy from us.',
        customer: { position: 0.8, home: 0.8 },
      },
      {
        id: 'behind',
        name: 'Far behind',
        brief: 'They buy elsewhere.',
        customer: { position: -0.8, home: -0.8 },
      },
    ],
  };
  const seeds = Array.from({ length: 12 }, (_, i) => String(i + 1));
  const r = gateReport(sc, seeds);
  const luck = r.gates.find((g) => g.name === 'luck stays second')!;

  it('fails luck, gives each starting situation its mean best score, and says to bring them closer', () => {
    expect(luck.pass).toBe(false);
    expect(luck.why).toMatch(
      /their best paths average \d+\.\d \(Far ahead\), \d+\.\d \(Far behind\)/,
    );
    expect(luck.fix).toContain('The seed deals the starting situations (markets:) too');
  });
});

describe('the seed share', () => {
  const luckyEvent: EventDef = {
    id: 'windfall',
    title: 'A windfall',
    text: 'A rival goes bust.',
    odds: 0.5,
    once: false,
    effects: { home: 0.2 },
  };
  const sc = market({
    id: 'lucky',
    events: [luckyEvent],
    situations: [
      sit('d1', [
        { id: 'a', label: 'A', style: 'directive', effects: { home: 0.2 } },
        { id: 'b', label: 'B', style: 'collaborative' },
      ]),
      sit('d2', [reply('give', { give: 1 }), reply('push', { push: 0.5 }, 'directive'), HOLD]),
    ],
  });
  const paths = ['a', 'b'].flatMap((x) => ['give', 'push', 'hold'].map((y) => [x, y]));
  const seeds = Array.from({ length: 12 }, (_, i) => String(i + 1));

  it('is the variance between the seeds’ means over that plus the mean variance within a seed, over every strategy', () => {
    const perSeed = seeds.map((seed) => everyScore(sc, seed, paths));
    const between = variance(perSeed.map(mean));
    const within = mean(perSeed.map(variance));
    expect(between).toBeGreaterThan(0);
    expect(within).toBeGreaterThan(0);
    const r = gateReport(sc, seeds);
    expect(r.strategies).toBe(paths.length);
    expect(r.seedShare).toBeCloseTo(between / (between + within), 9);
    const luck = r.gates.find((g) => g.name === 'luck stays second')!;
    expect(luck.pass).toBe(r.seedShare <= GATE_TARGETS.seedShare);
    expect(luck.why).toContain(`explains ${(r.seedShare * 100).toFixed(0)}%`);
  });

  it('is 0 without noise or events, and 1 where every strategy scores alike on a seed', () => {
    expect(gateReport(dominated(), SEEDS).seedShare).toBe(0);
    const oneWay = market({
      id: 'one-way',
      events: [luckyEvent],
      situations: [sit('d1', [HOLD]), sit('d2', [HOLD])],
    });
    const r = gateReport(oneWay, seeds);
    expect(r.seedShare).toBe(1);
    expect(r.gates.find((g) => g.name === 'luck stays second')!.pass).toBe(false);
  });
});

describe('the size limit', () => {
  it(`refuses a scenario above ${GATE_TREE_LIMIT} strategies rather than walk it`, () => {
    const tutorial = loadScenarioFile(`${SCENARIO_DIR}tutorial.yaml`).scenario;
    const big = syntheticScenario(tutorial, 7, 5);
    expect(countStrategies(big)).toBeGreaterThan(GATE_TREE_LIMIT);
    expect(() => gateReport(big, ['1'])).toThrow(RangeError);
  });
});

describe('ordinal', () => {
  it('writes percentiles as a facilitator reads them', async () => {
    const { ordinal } = await import('../../src/analysis/stats.ts');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 93, 100].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '93rd',
      '100th',
    ]);
  });
});
