import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../../src/record/code.ts';
import { makeRecord, replay, verify } from '../../src/record/record.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import {
  initialState,
  type Metrics,
  type ScenarioDef,
  type SimState,
  score,
  situationById,
  step,
} from '../../src/sim/index.ts';

// Over random seeds and random lines of play, on every bundled scenario: the model is a
// pure function of (scenario, seed, choices), never touches its input, keeps every
// metric in range, and a session record replays to the very game it was made from.

const bundled = loadBundledScenarios();
const shelf = new Map(bundled.map((b) => [b.scenario.id, b]));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Plays picks (any whole numbers) as option positions, until the game ends. */
function play(scenario: ScenarioDef, seed: string, picks: readonly number[], freeze = false) {
  let state = initialState(scenario, seed);
  const states: SimState[] = [state];
  for (const pick of picks) {
    if (state.situationId === null) break;
    const options = situationById(scenario, state.situationId).choices;
    if (freeze) deepFreeze(state);
    state = step(scenario, state, options[pick % options.length]!.id);
    states.push(state);
  }
  return { state, states };
}

const RANGES: Partial<Record<keyof Metrics, [number, number]>> = {
  share: [0, 1],
  trust: [0, 1],
  alignment: [0, 1],
  morale: [0.05, 1],
  breadth: [0, 1],
  brand: [0, 1],
  autonomy: [0, 1],
  position: [-1, 1],
  home: [-1, 1],
};

const scenarioArb = fc.constantFrom(...bundled.map((b) => b.scenario.id));
const seedArb = fc.string({ minLength: 1, maxLength: 24 });
const picksArb = fc.array(fc.nat(1000), { minLength: 0, maxLength: 16 });

describe('the model, over random seeds and lines of play', () => {
  it('gives deep-equal states for the same scenario, seed and choices', () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, picksArb, (id, seed, picks) => {
        const sc = shelf.get(id)!.scenario;
        expect(play(sc, seed, picks).states).toEqual(play(sc, seed, picks).states);
      }),
      { numRuns: 150 },
    );
  });

  it('never mutates the state it is given', () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, picksArb, (id, seed, picks) => {
        const sc = shelf.get(id)!.scenario;
        const { states } = play(sc, seed, picks);
        const copies = states.map((s) => structuredClone(s));
        // playing on from every state again changes none of them …
        states.forEach((s, i) => {
          if (s.situationId === null) return;
          const options = situationById(sc, s.situationId).choices;
          step(sc, s, options[(picks[i] ?? 0) % options.length]!.id);
        });
        expect(states).toEqual(copies);
        // … and a frozen state can be stepped from (a write to it would throw)
        expect(() => play(sc, seed, picks, true)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });

  it('keeps every metric finite and in its range, and the score a whole number 0..100', () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, picksArb, (id, seed, picks) => {
        const sc = shelf.get(id)!.scenario;
        const { state } = play(sc, seed, picks);
        for (const m of [state.start, ...state.history.map((h) => h.metrics)]) {
          for (const [key, value] of Object.entries(m)) {
            expect(Number.isFinite(value), key).toBe(true);
            const range = RANGES[key as keyof Metrics];
            if (!range) continue;
            expect(value, key).toBeGreaterThanOrEqual(range[0]);
            expect(value, key).toBeLessThanOrEqual(range[1]);
          }
        }
        const s = score(sc.rubric, state);
        expect(Number.isInteger(s) && s >= 0 && s <= 100).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('replays a session record, through its result code, to the same game', () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, picksArb, (id, seed, picks) => {
        const { scenario, hash } = shelf.get(id)!;
        const { state } = play(scenario, seed, [...picks, ...new Array(16).fill(0)]);
        const record = makeRecord(scenario, hash, state, { player: 'p', attempt: 1 });
        const decoded = decodeRecord(encodeRecord(record, scenario), shelf);
        expect(decoded).toEqual({ ok: true, record });
        if (!decoded.ok) return;
        const again = replay(scenario, decoded.record);
        expect(again.state).toEqual(state);
        expect(again.score).toBe(record.score);
        expect(verify(decoded.record, shelf).genuine).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
