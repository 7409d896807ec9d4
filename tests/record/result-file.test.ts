import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../src/record/record.ts';
import { resultFileName } from '../../src/record/result-file.ts';
import { playChoices } from '../../src/sim/index.ts';
import { tutorial, tutorialBundle } from './scenarios.ts';

// The result file's name in the trainee's Downloads: two practice games must not share one.

const played = (seed: string) =>
  makeRecord(
    tutorial,
    tutorialBundle.hash,
    playChoices(tutorial, seed, ['depot-visit', 'workshop', 'free-pilot', 'match-now']),
  );
const at = new Date(2026, 11, 6, 14, 5, 9);

describe('resultFileName', () => {
  it('names a practice result by its scenario, market and the time it was saved', () => {
    expect(resultFileName(played('ws-3'), at)).toBe(
      'tow-practice-tutorial-ws-3-2026-12-06-140509.json',
    );
  });

  it('gives two practice games different names: another market, or the same market later', () => {
    const names = new Set([
      resultFileName(played('ws-3'), at),
      resultFileName(played('ws-4'), at),
      resultFileName(played('ws-3'), new Date(2026, 11, 6, 14, 6, 0)),
    ]);
    expect(names.size).toBe(3);
  });

  it('keeps an assessed result named by its assignment, trainee and attempt', () => {
    const record = { ...played('ws-3'), session: 'hr-1', player: 'ana@example.com', attempt: 2 };
    expect(resultFileName(record, at)).toBe('tow-hr-1-ana@example.com-2.json');
  });

  it('keeps the letters of every alphabet in the name, and only what file systems refuse goes', () => {
    const named = (player: string) =>
      resultFileName(
        { ...played('ws-3'), session: 'sales-academy-2026-12', player, attempt: 1 },
        at,
      );
    expect(named('Zoë Ünal-Castellanos de la Fuente')).toBe(
      'tow-sales-academy-2026-12-Zoë_Ünal-Castellanos_de_la_Fuente-1.json',
    );
    expect(named('Łukasz Żółć')).toBe('tow-sales-academy-2026-12-Łukasz_Żółć-1.json');
    expect(named('李小龙')).toBe('tow-sales-academy-2026-12-李小龙-1.json');
    expect(named('Ана Петрова')).toBe('tow-sales-academy-2026-12-Ана_Петрова-1.json');
    // a name that tries to climb out of the Downloads folder, or holds what Windows refuses
    expect(named('../../etc/passwd')).toBe('tow-sales-academy-2026-12-etc_passwd-1.json');
    expect(named('a<b>:c"d|e?f*g\\h')).toBe('tow-sales-academy-2026-12-a_b_c_d_e_f_g_h-1.json');
  });
});
