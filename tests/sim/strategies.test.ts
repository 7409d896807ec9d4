import { describe, expect, it } from 'vitest';
import { syntheticScenario } from '../../src/cli/synthetic.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import {
  bestPath,
  type ChoiceDef,
  census,
  countStrategies,
  parLines,
  percentile,
  playChoices,
  SAMPLE_FOR_ONE_POINT,
  type ScenarioDef,
  sampleMargin,
  score,
} from '../../src/sim/index.ts';

const tutorial = loadBundledScenarios().find((b) => b.scenario.id === 'tutorial')!.scenario;

/** Every strategy spelled out, each played on its own from the start: the slow, sure way. */
function bruteForce(scenario: ScenarioDef, seed: string): { choices: string[]; score: number }[] {
  const out: { choices: string[]; score: number }[] = [];
  const grow = (prefix: string[]): void => {
    // untraced: still a fresh copy of every state (step's cloneState), without the reuse
    // the census relies on, but without recording causes, which made this test minutes long
    const state = playChoices(scenario, seed, prefix, { trace: false });
    if (state.situationId === null) {
      out.push({ choices: prefix, score: score(scenario.rubric, state) });
      return;
    }
    const s = scenario.situations.find((x) => x.id === state.situationId)!;
    for (const c of s.choices) grow([...prefix, c.id]);
  };
  grow([]);
  return out;
}

function exactPercentile(all: { score: number }[], value: number): number {
  const below = all.filter((x) => x.score < value).length;
  return Math.round((below / all.length) * 1000) / 10;
}

describe('census', () => {
  const small = syntheticScenario(tutorial, 5, 3);

  it.each([
    ['tutorial', tutorial, '7'],
    ['synthetic 5x3', small, 'workshop-42'],
  ])('plays every strategy of %s and its percentiles equal a brute-force count', (_n, sc, seed) => {
    const all = bruteForce(sc, seed);
    const c = census(sc, seed);
    expect(c.exhaustive).toBe(true);
    expect(c.margin).toBe(0);
    expect(c.count).toBe(all.length);
    expect(c.total).toBe(countStrategies(sc));
    for (let v = 0; v <= 100; v++) expect(percentile(c, v)).toBe(exactPercentile(all, v));
    // the player's own score, for every strategy a player could have played
    for (const s of all) expect(percentile(c, s.score)).toBe(exactPercentile(all, s.score));
  });

  // The census reuses one state per depth and writes each strategy over the last one's; a
  // figure left behind by a sibling branch (an event fired, an effect pending, a rep who
  // left, a contact dropped) would change some scores. Played strategy by strategy from the
  // start, every market must give the same scores, best and worst.
  function expectCensusMatchesReplays(sc: ScenarioDef, seed: string): void {
    const all = bruteForce(sc, seed);
    const histogram = new Array<number>(101).fill(0);
    for (const s of all) histogram[s.score]!++;
    const c = census(sc, seed);
    expect(c.count).toBe(all.length);
    expect(c.histogram).toEqual(histogram);
    expect(c.best.choices).toEqual(all.find((s) => s.score === c.best.score)!.choices);
    expect(c.worst.choices).toEqual(all.find((s) => s.score === c.worst.score)!.choices);
  }

  it.each(loadBundledScenarios().map((b) => [b.scenario.id, b.scenario] as const))(
    'scores every strategy of %s as a fresh replay of it does, on two seeds',
    (_id, sc) => {
      expectCensusMatchesReplays(sc, 'pool-9');
      expectCensusMatchesReplays(sc, 'pool-10');
    },
    // every one of up to 27,648 strategies replayed from scratch, twice: tens of seconds on
    // a loaded two-core machine, which the default minute does not always cover
    180_000,
  );

  it('scores every strategy as a fresh replay does when every kind of effect is in play', () => {
    // each option of each quarter gets one of the effects no bundled market uses much:
    // rivals uniting or splitting, contacts dropped and gained, a rep leaving later, a rope
    // pulled off line; and the market's one event may fire every quarter
    const extras: Partial<ChoiceDef>[] = [
      { effects: { competitorAlignment: -0.2, competitor: 0.1, contacts: -1 } },
      {
        effects: { contacts: 2, shareContacts: 1 },
        later: [{ after: 1, effects: { market: 0.05 }, members: { tom: { leaves: true } } }],
      },
      {
        effects: { competitorAlignment: 0.15, brand: 0.05 },
        members: { lena: { angle: 40, morale: -0.1 } },
      },
    ];
    const busy: ScenarioDef = {
      ...small,
      events: small.events.map((e) => ({ ...e, once: false, odds: 0.6 })),
      situations: small.situations.map((s) => ({
        ...s,
        choices: s.choices.map((c, j) => ({
          ...c,
          ...extras[j],
          effects: { ...c.effects, ...extras[j]!.effects },
        })),
      })),
    };
    expectCensusMatchesReplays(busy, 'busy-1');
    expectCensusMatchesReplays(busy, 'busy-2');
  });

  it('samples every strategy but one, each scored as a fresh replay scores it', () => {
    const all = bruteForce(small, 'sampled-3');
    const histogram = new Array<number>(101).fill(0);
    for (const s of all) histogram[s.score]!++;
    const c = census(small, 'sampled-3', { exhaustiveLimit: 1, sampleSize: all.length - 1 });
    expect(c.exhaustive).toBe(false);
    expect(c.count).toBe(all.length - 1);
    // the sample leaves out exactly one strategy: one score counted once less
    const missing = histogram.map((n, v) => n - c.histogram[v]!);
    expect(missing.filter((d) => d !== 0)).toEqual([1]);
  });

  it('finds a best path that no strategy beats, and whose replay scores what it claims', () => {
    for (const sc of [tutorial, small]) {
      const all = bruteForce(sc, '3');
      const best = bestPath(sc, '3');
      expect(Math.max(...all.map((x) => x.score))).toBe(best.score);
      expect(score(sc.rubric, playChoices(sc, '3', best.choices))).toBe(best.score);
      expect(all.every((x) => x.score <= best.score)).toBe(true);
    }
  });

  it('counts the strategies of a branching scenario by following each choice', () => {
    const branching: ScenarioDef = {
      ...small,
      situations: small.situations.map((s, i) =>
        i === 0
          ? { ...s, choices: s.choices.map((c, j) => (j === 0 ? { ...c, next: 's3' } : c)) }
          : s,
      ),
    };
    // first option skips quarter 2: 3^3 strategies, the two others 3^4 each
    expect(countStrategies(branching)).toBe(27 + 2 * 81);
    const all = bruteForce(branching, '1');
    const c = census(branching, '1');
    expect(c.count).toBe(all.length);
    for (let v = 0; v <= 100; v += 5) expect(percentile(c, v)).toBe(exactPercentile(all, v));
  });

  it('samples above its limit, and each percentile lies within the stated margin', () => {
    const sc = syntheticScenario(tutorial, 6, 4);
    const all = bruteForce(sc, '11');
    const sampled = census(sc, '11', { exhaustiveLimit: 1000, sampleSize: 2500 });
    expect(sampled.exhaustive).toBe(false);
    expect(sampled.count).toBe(2500);
    expect(sampled.total).toBe(4096);
    expect(sampled.margin).toBe(sampleMargin(2500));
    for (let v = 0; v <= 100; v++) {
      const gap = Math.abs(percentile(sampled, v) - exactPercentile(all, v));
      expect(gap).toBeLessThanOrEqual(sampled.margin);
    }
    // the same seed draws the same sample
    expect(census(sc, '11', { exhaustiveLimit: 1000, sampleSize: 2500 })).toEqual(sampled);
  });

  it('states a one-point bound for the default sample', () => {
    expect(sampleMargin(SAMPLE_FOR_ONE_POINT)).toBe(1);
    expect(sampleMargin(10_000)).toBeGreaterThan(1);
  });

  it('reports progress up to 1', () => {
    const seen: number[] = [];
    census(small, '2', { onProgress: (d) => seen.push(d) });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe('par lines', () => {
  it('plays always-directive, always-collaborative and the best path on the seed', () => {
    const lines = parLines(tutorial, '5');
    expect(lines.map((l) => l.policy)).toEqual(['directive', 'collaborative', 'best']);
    for (const l of lines) {
      expect(score(tutorial.rubric, playChoices(tutorial, '5', l.choices))).toBe(l.score);
    }
    const directive = lines[0]!.choices.map(
      (id, i) => tutorial.situations[i]!.choices.find((c) => c.id === id)!.style,
    );
    expect(directive).toEqual(['directive', 'directive', 'directive', 'directive']);
    expect(lines[2]!.score).toBeGreaterThanOrEqual(Math.max(lines[0]!.score, lines[1]!.score));
  });

  it('polishes a sampled best path so that it is at least the best sampled', () => {
    const sc = syntheticScenario(tutorial, 6, 3);
    const sampled = census(sc, '9', { exhaustiveLimit: 100, sampleSize: 200 });
    const best = bestPath(sc, '9', sampled);
    expect(best.score).toBeGreaterThanOrEqual(sampled.best.score);
    const par = parLines(sc, '9', sampled);
    expect(par[2]!.score).toBeGreaterThanOrEqual(Math.max(par[0]!.score, par[1]!.score));
    expect(score(sc.rubric, playChoices(sc, '9', best.choices))).toBe(best.score);
  });
});
