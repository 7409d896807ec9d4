import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenario } from '../../src/scenario/load.ts';
import { census, parLines } from '../../src/sim/index.ts';
import { HOLD, market, reply } from '../helpers/market.ts';

// A scenario may name its own styles (they are labels since model 2): the par lines, the
// fair score and simulate --percentile must work on it all the same.

describe('a scenario with styles of its own', () => {
  // A valid file whose styles are neither directive nor collaborative (styles are labels
  // since model 2, and the guide says a scenario may declare its own)
  const file = stringify({
    ...market({
      id: 'own-styles',
      quarters: 2,
      styles: ['coaching', 'hands-off'],
      replies: [
        { ...reply('coach', { tell: 0.5 }), style: 'coaching' },
        { ...HOLD, style: 'hands-off' },
      ],
    }),
    params: undefined,
  });
  const loaded = loadScenario(file, 'own-styles.yaml');

  it('the scenario loads without errors', () => {
    expect(loaded.ok ? [] : loaded.issues).toEqual([]);
  });

  it('gives par lines for a scenario whose styles are its own', () => {
    if (!loaded.ok) throw new Error('did not load');
    const sc = loaded.scenario;
    expect(() => parLines(sc, '1', census(sc, '1'))).not.toThrow();
  });
});
