import { describe, expect, it } from 'vitest';
import type { GameContext } from '../../src/save/format.ts';
import { nextSteps } from '../../src/ui/debrief/next-steps.ts';

// What the debrief offers a trainee next: practice replays freely; an assessed game never
// offers a replay that looks like it counts, names its next attempt and the attempts left,
// and says "not graded" on every button that does not count.

const assignment = (attempt: number, attempts: number): GameContext => ({
  kind: 'assignment',
  session: 'acme-q3',
  trainee: 'alice',
  passMark: 50,
  attempts,
  attempt,
});
const labels = (s: ReturnType<typeof nextSteps>) => s.steps.map((x) => x.label);

describe('nextSteps', () => {
  it('offers practice and a workshop "Replay this market" and "New market"', () => {
    for (const context of [
      { kind: 'practice' },
      { kind: 'workshop', name: 'Q3', session: 'w1' },
    ] as const) {
      const s = nextSteps(context, null);
      expect(labels(s)).toEqual(['Replay this market', 'New market']);
      expect(s.note).toBeNull();
    }
  });

  it('offers an assignment with attempts left its next attempt, named as one, and practice marked not graded', () => {
    const s = nextSteps(assignment(1, 3), null);
    expect(s.note).toBe('Attempt 1 of 3. 2 attempts left.');
    expect(s.steps).toEqual([
      { action: 'next-attempt', label: 'Start attempt 2 of 3', primary: true },
      { action: 'practise-new', label: 'Play a new market (practice, not graded)', primary: false },
    ]);
    expect(labels(s)).not.toContain('Replay this market');
  });

  it('offers an assignment with no attempt left only practice on its market, marked not graded', () => {
    for (const [attempt, attempts] of [
      [1, 1],
      [3, 2],
    ] as const) {
      const s = nextSteps(assignment(attempt, attempts), null);
      expect(s.note).toBe(`Attempt ${attempt} of ${attempts}. No attempt left.`);
      expect(s.steps).toEqual([
        {
          action: 'practise-this',
          label: 'Play this market again (practice, not graded)',
          primary: false,
        },
      ]);
    }
  });

  it('offers an attempt played on the server practice only (the result block starts the next attempt): a new market while one is left, this market once none is', () => {
    const onServer = (attempt: number) => ({
      id: 'a1',
      title: 'Q3 check',
      attempt,
      attempts: 2,
      passMark: 50,
      result: null,
      rules: null,
    });
    const first = nextSteps(assignment(0, 2), onServer(1));
    expect(first.note).toBe('Attempt 1 of 2. 1 attempt left.');
    expect(first.steps).toEqual([
      { action: 'practise-new', label: 'Play a new market (practice, not graded)', primary: false },
    ]);
    const last = nextSteps(assignment(0, 2), onServer(2));
    expect(last.note).toBe('Attempt 2 of 2. No attempt left.');
    expect(last.steps).toEqual([
      {
        action: 'practise-this',
        label: 'Play this market again (practice, not graded)',
        primary: false,
      },
    ]);
  });
});
