import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runSimulate } from '../../src/cli/simulate.ts';
import { decodeRecord } from '../../src/record/code.ts';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import {
  census,
  initialState,
  percentile,
  playChoices,
  policiesOf,
  rawScoreByTerms,
  type SimState,
  score,
  shownOrder,
  situationById,
  step,
  termsOf,
} from '../../src/sim/index.ts';
import { twentyBySix, writeScenario } from '../helpers/scenario-file.ts';

const tutorial = loadScenarioFile(`${SCENARIO_DIR}tutorial.yaml`);
const LINE = 'depot-visit,workshop,free-pilot,match-now';

function run(args: string[]) {
  return spawnSync(process.execPath, ['scripts/cli.mjs', 'src/cli/simulate.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

async function json(args: string[]) {
  const r = await runSimulate(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('npm run simulate', () => {
  it('prints byte-identical output for the same arguments, run twice as a process', () => {
    const args = ['--scenario', 'tutorial', '--seed', '42', '--policy', 'random', '--percentile'];
    const a = run(args);
    const b = run(args);
    expect(a.status).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout).toBe(a.stdout);
  });

  it('prints the quarters, outcomes, score and a record that replays to them', async () => {
    const out = await json(['--scenario', 'tutorial', '--seed', '7', '--choices', LINE]);
    const state = playChoices(tutorial.scenario, '7', LINE.split(','));
    expect(out.quarters.map((q: { metrics: unknown }) => q.metrics)).toEqual(
      state.history.map((h) => h.metrics),
    );
    expect(out.score).toBe(score(tutorial.scenario.rubric, state));
    expect(out.finished).toBe(true);
    expect(out.record).toMatchObject({ scenario: 'tutorial', seed: '7', choices: LINE.split(',') });
    const shelf = new Map([['tutorial', tutorial]]);
    expect(decodeRecord(out.code, shelf)).toEqual({ ok: true, record: out.record });
    expect(out.percentile).toBeUndefined();
  });

  it("prints each quarter's replies in the order the player sees them, shuffled per market", async () => {
    const shownOn = async (seed: string) =>
      (await json(['--scenario', 'tutorial', '--seed', seed, '--choices', LINE])).quarters.map(
        (q: { shown: string[] }) => q.shown,
      );
    const seven = await shownOn('7');
    const state = playChoices(tutorial.scenario, '7', LINE.split(','));
    expect(seven).toEqual(
      state.history.map((h) => {
        const situation = tutorial.scenario.situations.find((s) => s.id === h.situationId)!;
        return shownOrder('tutorial', '7', h.situationId, situation.choices).map((c) => c.id);
      }),
    );
    // the first quarter's replies, as listed in the file, and as shown on a few seeds
    const listed = tutorial.scenario.situations[0]!.choices.map((c) => c.id);
    expect([...seven[0]].sort()).toEqual([...listed].sort());
    const orders = new Set<string>();
    for (const seed of ['1', '2', '3', '4', '5', '6']) orders.add((await shownOn(seed))[0].join());
    expect(orders.size).toBeGreaterThan(1);
  });

  it("prints each quarter's card text as the player read it, following their earlier replies", async () => {
    const whoOwns = loadScenarioFile(`${SCENARIO_DIR}who-owns.yaml`).scenario;
    const lunch = situationById(whoOwns, 'rumour');
    const textOfLunch = async (first: string) =>
      (
        await json([
          '--scenario',
          'who-owns',
          '--seed',
          '3',
          '--choices',
          `${first},pick-one,specialist`,
        ])
      ).quarters.map((q: { text: string }) => q.text);
    // the lunch is quarter 4: not played here, so the third card is the last printed
    const shared = await textOfLunch('account-team');
    expect(shared[2]).toContain('She now takes Chloé and Ben to her meetings');
    const alone = await textOfLunch('leave-sara');
    expect(alone[2]).toBe(situationById(whoOwns, 'many-sources').text);
    const four = await json([
      '--scenario',
      'who-owns',
      '--seed',
      '3',
      '--choices',
      'account-team,pick-one,specialist,talk-sara',
    ]);
    expect(four.quarters[3].text).not.toBe(lunch.text);
    expect(four.quarters[3].text).not.toContain("in Sara's phone");
  });

  it('finishes --percentile on a valid scenario of 20 quarters and 6 replies, from a sample it names', () => {
    // 6^20 strategies: the fair score must come from a sample, and say so, in seconds
    const file = writeScenario(twentyBySix());
    const c0 = process.hrtime.bigint();
    const r = run(['--scenario', file, '--seed', '3', '--policy', 'random', '--percentile']);
    const seconds = Number(process.hrtime.bigint() - c0) / 1e9;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.census).toMatchObject({
      played: 26_492,
      strategies: 3_656_158_440_062_976,
      exhaustive: false,
      margin: 1,
    });
    expect(out.fairScore).toMatch(
      /^better than [\d.]+% \(±1 points\) of the 3,656,158,440,062,976 possible strategies in this market, from a sample of 26,492$/,
    );
    expect(out.par.length).toBeGreaterThan(0);
    // well inside the run's time-out even on a loaded machine (about 1.5 s on a free one)
    expect(seconds).toBeLessThan(60);
  }, 90_000);

  it('adds the percentile, how sure it is, and the par lines with --percentile', async () => {
    const out = await json([
      '--scenario',
      'tutorial',
      '--seed',
      '7',
      '--choices',
      LINE,
      '--percentile',
    ]);
    const c = census(tutorial.scenario, '7');
    expect(out.percentile).toBe(percentile(c, out.score));
    expect(out.census).toMatchObject({ played: 81, strategies: 81, exhaustive: true, margin: 0 });
    expect(out.fairScore).toBe(
      `better than ${out.percentile}% of the 81 possible strategies in this market`,
    );
    expect(out.par.map((p: { policy: string }) => p.policy)).toEqual([
      'directive',
      'collaborative',
      'best',
    ]);
    expect(out.par[2].score).toBe(c.best.score);
  });

  it('plays a style as a policy: always that style', async () => {
    for (const style of tutorial.scenario.styles) {
      const out = await json(['--scenario', 'tutorial', '--seed', '7', '--policy', style]);
      expect(out.policy).toBe(style);
      expect(out.finished).toBe(true);
      for (const q of out.quarters as { situation: string; style: string }[]) {
        const offered = situationById(tutorial.scenario, q.situation).choices.map((c) => c.style);
        if (offered.includes(style)) expect(q.style).toBe(style);
      }
    }
  });

  type Quarter = { situation: string; choice: string; style: string };
  const sc = tutorial.scenario;
  /** The states along a printed game, to check each decision against the one before it. */
  const along = (seed: string, quarters: Quarter[]) => {
    const states: SimState[] = [initialState(sc, seed)];
    for (const q of quarters) states.push(step(sc, states.at(-1)!, q.choice));
    return states;
  };

  it('plays --policy first-shown: the reply shown first in this market at every decision', async () => {
    for (const seed of ['1', '2', '3']) {
      const out = await json(['--scenario', 'tutorial', '--seed', seed, '--policy', 'first-shown']);
      for (const q of out.quarters as Quarter[]) {
        const s = situationById(sc, q.situation);
        const first = shownOrder(sc.id, seed, s.id, s.choices)[0]!;
        expect(q.choice, `seed ${seed} ${s.id}`).toBe(first.id);
      }
    }
  });

  it('plays --policy crisis-rule: directive in a crisis, collaborative otherwise', async () => {
    const out = await json(['--scenario', 'tutorial', '--seed', '7', '--policy', 'crisis-rule']);
    const kinds = (out.quarters as Quarter[]).map((q) => situationById(sc, q.situation).kind);
    expect(kinds).toContain('crisis');
    for (const q of out.quarters as Quarter[]) {
      const s = situationById(sc, q.situation);
      const want = s.kind === 'crisis' ? 'directive' : 'collaborative';
      // where no reply carries that label, the rule falls back to the first one shown
      const fallback = shownOrder(sc.id, '7', s.id, s.choices)[0]!.id;
      if (s.choices.some((c) => c.style === want)) expect(q.style, s.id).toBe(want);
      else expect(q.choice, s.id).toBe(fallback);
    }
  });

  it('plays --policy greedy: at every decision the reply that would score highest were the game to end there', async () => {
    const out = await json(['--scenario', 'tutorial', '--seed', '7', '--policy', 'greedy']);
    const quarters = out.quarters as Quarter[];
    const states = along('7', quarters);
    const terms = termsOf(sc.rubric);
    quarters.forEach((q, i) => {
      const before = states[i]!;
      const value = (id: string) => rawScoreByTerms(terms, step(sc, before, id, { trace: false }));
      const best = Math.max(...situationById(sc, q.situation).choices.map((c) => value(c.id)));
      expect(value(q.choice), `Q${i + 1}`).toBe(best);
    });
    expect(out.score).toBe(score(sc.rubric, states.at(-1)!));
  });

  it('plays --policy <style>-for-<n>-then-<style>: one style for the first n decisions, then another', async () => {
    const policy = 'collaborative-for-2-then-hands-off';
    const out = await json(['--scenario', 'tutorial', '--seed', '7', '--policy', policy]);
    expect(out.policy).toBe(policy);
    (out.quarters as Quarter[]).forEach((q, i) => {
      const s = situationById(sc, q.situation);
      const want = i < 2 ? 'collaborative' : 'hands-off';
      const fallback = shownOrder(sc.id, '7', s.id, s.choices)[0]!.id;
      if (s.choices.some((c) => c.style === want)) expect(q.style, s.id).toBe(want);
      else expect(q.choice, s.id).toBe(fallback);
    });
    // a rule that names a style the scenario does not have, or no switch at all, is refused
    for (const bad of [
      'bossy-for-2-then-hands-off',
      `collaborative-for-${sc.quarters}-then-hands-off`,
    ]) {
      const r = await runSimulate(['--scenario', 'tutorial', '--seed', '1', '--policy', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain('or one style for the first n decisions then another');
    }
  });

  it('names the scenario’s own policies when the policy is unknown', async () => {
    const r = await runSimulate(['--scenario', 'tutorial', '--seed', '1', '--policy', 'bossy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `unknown policy "bossy"; the policies for tutorial are ${policiesOf(sc).join(', ')}`,
    );
    expect(policiesOf(sc)).toEqual(
      expect.arrayContaining(['first-shown', 'crisis-rule', 'greedy', 'random', ...sc.styles]),
    );
  });

  it.each([
    [['--seed', '1'], 2, '--scenario is required'],
    [['--scenario', 'tutorial'], 2, '--seed is required'],
    [['--scenario', 'tutorial', '--sed', '1'], 2, 'unknown option --sed; the options are'],
    [['--scenario', 'tutorial', '--seed'], 2, '--seed needs a value'],
    [['--scenario', 'tutorial', '--seed', '1', '--policy', 'bossy'], 2, 'unknown policy "bossy"'],
    [
      ['--scenario', 'tutorial', '--seed', '1', '--policy', 'random', '--choices', 'x'],
      2,
      'not both',
    ],
    [
      ['--scenario', 'atlantis', '--seed', '1'],
      1,
      'no scenario file or bundled scenario "atlantis"; the bundled ones are',
    ],
    [
      ['--scenario', 'tutorial', '--seed', '1', '--choices', 'depot-visit,wrkshop'],
      1,
      'quarter 2 ("Two reps, two stories") has no choice "wrkshop"; the valid ones are one-offer, workshop, let-them',
    ],
    [
      ['--scenario', 'tutorial', '--seed', '1', '--choices', `${LINE},ignore`],
      1,
      'the game is over after 4 decisions, but 5 choices were given',
    ],
    [
      ['--scenario', 'tutorial', '--seed', '1', '--choices', 'maya-leads', '--percentile'],
      1,
      '--percentile needs a finished game',
    ],
  ])('rejects %j with a clear message', async (args, code, message) => {
    const r = await runSimulate(args);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('exits with the error code as a process too', () => {
    const r = run(['--scenario', 'tutorial', '--seed', '1', '--choices', 'nope']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('quarter 1 ("The first meeting") has no choice "nope"');
  });
});
