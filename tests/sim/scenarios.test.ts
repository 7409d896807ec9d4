import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import {
  census,
  fairGrade,
  forces,
  initialState,
  nextSituationId,
  percentile,
  playPolicy,
  type ScenarioDef,
  type SituationDef,
  situationById,
} from '../../src/sim/index.ts';

// What every scenario shipped with the game must offer a trainee: enough quarters to see
// slow effects, a real choice each quarter, luck in the market, and a coach who explains
// every option. The tutorial is the one short exception.

const bundled = loadBundledScenarios().map((b) => b.scenario);
const TUTORIAL = 'tutorial';

/** Every situation some path of choices can reach, from the first. */
function reachable(sc: ScenarioDef): SituationDef[] {
  const seen = new Map<string, SituationDef>();
  const visit = (id: string | null) => {
    if (id === null || seen.has(id)) return;
    const s = situationById(sc, id);
    seen.set(id, s);
    for (const c of s.choices) visit(nextSituationId(sc, s, c));
  };
  visit(sc.situations[0]?.id ?? null);
  return [...seen.values()];
}

describe('bundled scenarios give a trainee a real game', () => {
  it('ship the tutorial and the three source-text scenarios', () => {
    const ids = bundled.map((s) => s.id);
    for (const id of [TUTORIAL, 'silos', 'who-owns', 'distrustful-account']) {
      expect(ids).toContain(id);
    }
  });

  for (const sc of bundled) {
    describe(sc.id, () => {
      it(
        sc.id === TUTORIAL ? 'lasts 4 quarters' : 'lasts at least 8 quarters, on every path',
        () => {
          if (sc.id === TUTORIAL) expect(sc.quarters).toBe(4);
          else expect(sc.quarters).toBeGreaterThanOrEqual(8);
          // a fixed policy walks one whole path; the loader already checks every path's length
          const run = playPolicy(sc, '1', 'collaborative');
          expect(run.state.history).toHaveLength(sc.quarters);
          expect(run.state.situationId).toBeNull();
        },
      );

      it('offers at least 3 choices in every quarter, in at least two styles', () => {
        for (const s of reachable(sc)) {
          expect(s.choices.length, s.id).toBeGreaterThanOrEqual(3);
          expect(new Set(s.choices.map((c) => c.style)).size, s.id).toBeGreaterThanOrEqual(2);
        }
      });

      it('has a coach note on every choice and a title and text on every situation', () => {
        for (const s of sc.situations) {
          expect(s.title.trim(), s.id).not.toBe('');
          expect(s.text.trim().length, s.id).toBeGreaterThan(40);
          for (const c of s.choices) {
            expect(c.coach?.trim().length ?? 0, `${s.id}/${c.id}`).toBeGreaterThan(20);
          }
        }
      });

      it('has seeded events that actually fire on some seeds', () => {
        expect(sc.events.length).toBeGreaterThan(0);
        const fired = new Set<string>();
        for (let seed = 1; seed <= 30; seed++) {
          const run = playPolicy(sc, String(seed), 'collaborative');
          for (const h of run.state.history) for (const e of h.events) fired.add(e);
        }
        expect(fired.size).toBeGreaterThan(0);
      });

      it('has a debrief with score bands from the top down to 0, and lessons', () => {
        const bands = sc.debrief.bands ?? [];
        expect(bands.length).toBeGreaterThanOrEqual(2);
        expect(Math.min(...bands.map((b) => b.min))).toBe(0);
        expect(sc.debrief.lessons?.length ?? 0).toBeGreaterThanOrEqual(2);
      });

      it('lets the best play reach the top band and pass, while always-directive does not reach the top band', () => {
        // the bands and the pass mark read the fair score, the percentile in the market
        const market = census(sc, '1');
        const fair = (score: number) => fairGrade(percentile(market, score));
        const top = Math.max(...(sc.debrief.bands ?? []).map((b) => b.min));
        expect(fair(market.best.score)).toBeGreaterThanOrEqual(top);
        expect(fair(market.best.score)).toBeGreaterThanOrEqual(sc.rubric.passMark);
        expect(fair(playPolicy(sc, '1', 'directive').score)).toBeLessThan(top);
      });

      it('starts the customer near rest, so what moves it is the player and the market', () => {
        // a start far from the balance of the pulls would hand every strategy a free drift
        const st = initialState(sc, '1');
        const f = forces(st, sc.params, sc.customer.departments.length);
        expect(Math.abs(f.target - st.position)).toBeLessThan(0.05);
      });
    });
  }

  it('the long scenarios each hold a crisis and a slow build, so no one style fits every quarter', () => {
    for (const sc of bundled.filter((s) => s.id !== TUTORIAL)) {
      const kinds = new Set(sc.situations.map((s) => s.kind));
      expect(kinds.has('crisis'), sc.id).toBe(true);
      expect(kinds.has('build'), sc.id).toBe(true);
    }
  });

  it('at least one scenario branches, and a branch still lasts every quarter', () => {
    const branching = bundled.filter((sc) =>
      sc.situations.some((s) => s.choices.some((c) => c.next !== undefined)),
    );
    expect(branching.length).toBeGreaterThan(0);
    for (const sc of branching) {
      const lengths = new Set<number>();
      const walk = (id: string | null, depth: number) => {
        if (id === null) {
          lengths.add(depth);
          return;
        }
        const s = situationById(sc, id);
        for (const c of s.choices) walk(nextSituationId(sc, s, c), depth + 1);
      };
      walk(sc.situations[0]!.id, 0);
      expect([...lengths], sc.id).toEqual([sc.quarters]);
    }
  });
});
