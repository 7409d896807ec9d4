import seedrandom from 'seedrandom';

// Alea keeps four numbers of state, so the generator can live inside the sim state
// (a game is a seed plus a list of choices) and be copied cheaply at every step.
// seedrandom turns the seed into that state; drawing steps Alea's recurrence here,
// because rebuilding a seedrandom generator at every step cost a fifth of step()'s
// time. tests/sim/rng.test.ts checks the draws against seedrandom's own, number by number.
export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

export function seedRng(seed: string): RngState {
  return seedrandom.alea(seed, { state: true }).state();
}

/** Draws `count` numbers in [0, 1) and returns them with the generator's next state. */
export function draw(state: RngState, count: number): { values: number[]; next: RngState } {
  let { c, s0, s1, s2 } = state;
  const values: number[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    values[i] = s2;
  }
  return { values, next: { c, s0, s1, s2 } };
}
