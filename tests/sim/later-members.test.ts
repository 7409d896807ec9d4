import { describe, expect, it } from 'vitest';
import { explainGame, type ScenarioDef, statesAlong } from '../../src/sim/index.ts';
import { figureWhy } from '../../src/ui/why.ts';
import { edited, load } from '../scenario/helpers.ts';

// A delayed entry with `members` and no `effects` (docs/authoring.md, "Delayed effects"):
// the reply made in Q1 lowers Tom's morale two quarters later and does nothing else. It
// must move Tom in the quarter it falls due and not before, and the debrief must trace the
// change back to the reply, with the note the author wrote.

const DEPOT_LATER = `        later:
          - { after: 1, effects: { trust: 0.04 }, note: "the depot visit showed you listened" }
`;
const NOTE = 'Tom wanted to open with a discount and felt passed over';

function scenario(later: string): ScenarioDef {
  const result = load(edited([DEPOT_LATER, later]));
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
  return result.scenario;
}

const withEntry = scenario(`        later:
          - { after: 2, members: { tom: { morale: -0.3 } }, note: "${NOTE}" }
`);
const without = scenario('');
const SEED = 'later-members';
const PLAYED = ['depot-visit', 'workshop', 'match-now'];
const tomOf = (s: { members: readonly { id: string; morale: number }[] }) =>
  s.members.find((m) => m.id === 'tom')!.morale;

describe('a delayed entry that only moves a member', () => {
  const states = statesAlong(withEntry, SEED, PLAYED);
  const plain = statesAlong(without, SEED, PLAYED);
  const final = states.at(-1)!;

  it('changes nothing until the quarter it falls due', () => {
    for (const q of [1, 2]) {
      expect(states[q]!.members, `after Q${q}`).toEqual(plain[q]!.members);
      expect(states[q]!.history.at(-1)!.metrics, `after Q${q}`).toEqual(
        plain[q]!.history.at(-1)!.metrics,
      );
    }
  });

  it('moves that member, by what the file says, in the quarter it falls due', () => {
    const due = final.history[2]!.causes.filter((c) => c.source === 'later');
    expect(due).toEqual([
      {
        metric: 'morale:tom',
        delta: -0.3,
        source: 'later',
        ref: 'depot-visit',
        origin: 1,
        note: NOTE,
      },
    ]);
    expect(
      final.history.slice(0, 2).flatMap((r) => r.causes.filter((c) => c.source === 'later')),
    ).toEqual([]);
    expect(tomOf(final)).toBeLessThan(tomOf(plain.at(-1)!) - 0.2);
  });

  it('is named in the debrief as the Q1 reply’s later effect on Tom, and in Q3’s outcome', () => {
    const depot = explainGame(withEntry, final).decisions[0]!;
    expect(depot.effects).toContainEqual({
      metric: 'morale:tom',
      now: 0,
      later: -0.3,
      laterQuarters: [3],
      shown: { now: 0, later: -30 },
    });
    const morale = figureWhy(withEntry, final, 3, 'morale')!;
    expect(morale.lines.map((l) => l.label)).toContainEqual(
      `your Q1 reply “${depot.label}”, later (${NOTE})`,
    );
  });
});
