import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import {
  type ChoiceDef,
  initialState,
  type ScenarioDef,
  type SimState,
  step,
} from '../../src/sim/index.ts';
import { HOLD, market, rep, reply } from '../helpers/market.ts';

// A reply aimed at one person (`person:` on a choice): "let Chloé lead the deal" is judged
// by Chloé's readiness, not the team's. This is what lets a market variant in which Chloé is
// new make the hand-over that wins in a market where she is seasoned the wrong call.

const seeds = Array.from({ length: 30 }, (_, i) => String(i + 1));
const aimed = (id: string, person: string, acts: ChoiceDef['acts']): ChoiceDef => ({
  ...reply(id, acts ?? {}),
  person,
});
const share = (s: SimState) => s.history.at(-1)!.metrics.share;
const member = (s: SimState, id: string) => s.members.find((m) => m.id === id)!;

// one veteran in a team of novices: the team as a whole is below the bar to carry an account
const MIXED = [rep('vera', 1, 0.9), rep('nils', 0.35, 0.6, 25), rep('noor', 0.35, 0.6, -25)];
const REPLIES = [
  HOLD,
  reply('team', { delegate: 1 }),
  aimed('to-vera', 'vera', { delegate: 1 }),
  aimed('to-nils', 'nils', { delegate: 1 }),
  aimed('tell-nils', 'nils', { tell: 1 }),
  reply('tell-all', { tell: 1 }, 'directive'),
];
const sc: ScenarioDef = market({ replies: REPLIES, team: MIXED });

describe('a reply aimed at one person', () => {
  it('handing the account to the one veteran wins share where handing it to the team, or to a novice, loses it', () => {
    for (const seed of seeds) {
      const start = initialState(sc, seed);
      const held = share(step(sc, start, 'hold'));
      expect(share(step(sc, start, 'to-vera')) - held, `seed ${seed}`).toBeGreaterThan(0.005);
      expect(held - share(step(sc, start, 'team')), `seed ${seed}`).toBeGreaterThan(0.002);
      expect(held - share(step(sc, start, 'to-nils')), `seed ${seed}`).toBeGreaterThan(0.002);
    }
  });

  it('the same hand-over fails when the person it names is the new one in this market', () => {
    const swapped = market({
      replies: REPLIES,
      team: [rep('vera', 0.35, 0.6), rep('nils', 1, 0.9, 25), rep('noor', 0.35, 0.6, -25)],
    });
    for (const seed of seeds) {
      const start = initialState(swapped, seed);
      const held = share(step(swapped, start, 'hold'));
      expect(held - share(step(swapped, start, 'to-vera')), `seed ${seed}`).toBeGreaterThan(0.002);
      expect(share(step(swapped, start, 'to-nils')) - held, `seed ${seed}`).toBeGreaterThan(0.005);
    }
  });

  it('telling one person reaches that person alone and forces no one else into line', () => {
    const start = initialState(sc, '1');
    const one = step(sc, start, 'tell-nils');
    const all = step(sc, start, 'tell-all');
    const held = step(sc, start, 'hold');
    expect(member(one, 'nils').skill).toBeGreaterThan(member(held, 'nils').skill);
    expect(member(one, 'noor').skill).toBe(member(held, 'noor').skill);
    expect(member(all, 'noor').skill).toBeGreaterThan(member(held, 'noor').skill);
    // the veteran loses commitment when the whole team is told, far less when only Nils is
    // (a little through the team's autonomy, which any firm call wears down)
    const lost = (s: SimState) => member(held, 'vera').morale - member(s, 'vera').morale;
    expect(lost(all)).toBeGreaterThan(2 * lost(one));
    expect(one.forced).toBe(held.forced);
    expect(all.forced).toBeGreaterThan(held.forced);
  });

  it('explains a hand-over by the name of the person it went to', () => {
    const traced = step(sc, initialState(sc, '1'), 'to-nils');
    const notes = traced.history.at(-1)!.causes.map((c) => c.note ?? '');
    expect(notes).toContain('nils was not ready to carry this alone');
  });
});

describe('person: in a scenario file', () => {
  // silos' first reply, "one account plan", aimed at one lead
  const silos = readFileSync('scenarios/silos.yaml', 'utf8');
  const withPerson = (person: string, acts = '{ involve: 1 }') => {
    const at = '        acts: { involve: 1 }\n';
    expect(silos).toContain(at);
    return silos.replace(at, `        acts: ${acts}\n        person: ${person}\n`);
  };

  it('a misspelt person is an error at its line, with a suggestion', () => {
    const res = loadScenario(withPerson('pria'), 'silos.yaml');
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const issue = res.issues.find((i) => i.path.endsWith('person'));
    expect(issue?.message).toBe('no team member "pria"; did you mean priya?');
    expect(issue?.line).toBeGreaterThan(70);
  });

  it('a person on a reply that only pushes or gives is a warning: it would change nothing', () => {
    const res = loadScenario(withPerson('priya', '{ push: 0.5 }'), 'silos.yaml');
    expect(res.ok).toBe(true);
    expect(JSON.stringify(res)).toContain('person has no effect here');
  });

  it('a person on a hand-over loads, and the reply then reaches that person alone', () => {
    const res = loadScenario(withPerson('priya'), 'silos.yaml');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.scenario.situations[0]!.choices[0]!.person).toBe('priya');
  });
});
