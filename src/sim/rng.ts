import seedrandom from 'seedrandom';

// Alea keeps four numbers of state, so the generator can live inside the sim state
// (a game is a seed plus a list of choices) and be copied cheaply at every step.
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
  const prng = seedrandom.alea('', { state: { ...state } });
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(prng());
  return { values, next: prng.state() };
}
