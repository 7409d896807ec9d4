import { basisSentences, departureSentence, departures } from '../scenes/describe.ts';
import { type Rope, ropes, type ScenarioDef, type SimState, sharePercent } from '../sim/index.ts';
import { h } from './dom.ts';

// The rope view in words, for screen readers and for anyone who prefers a list: the same
// ropes the canvas draws (src/sim/ropes.ts), each with its part of all the pull on the
// customer (the pull the model applies, which its thickness shows) and what distrust and
// contacts do to them, so the two can never disagree; and who has left the team, whom the
// picture no longer draws.

function strength(pull: number, strongest: number): string {
  const r = strongest > 0 ? pull / strongest : 0;
  if (r > 0.75) return 'strong';
  if (r > 0.4) return 'moderate';
  if (r > 0.1) return 'weak';
  return 'barely';
}

function direction(rope: Rope): string {
  // 0° points from the customer to us, 180° to the competitors
  const a = ((rope.angle % 360) + 360) % 360;
  const off = a > 180 ? 360 - a : a;
  if (rope.side === 'habit') return 'holds the customer back towards its old habits';
  if (rope.side === 'outside')
    return a < 90 || a > 270 ? 'pushes towards us' : 'pushes away from us';
  if (off < 5) return 'pulls straight towards us';
  if (off < 90) return `pulls towards us, ${aside(off)}`;
  if (off > 175) return 'pulls straight away from us';
  return `pulls away from us, ${aside(180 - off)}`;
}

/** How far a rope pulls aside from the straight line, in words: part of its pull is lost. */
function aside(off: number): string {
  if (off < 20) return 'nearly straight';
  if (off < 50) return 'partly sideways';
  return 'mostly sideways';
}

/** A rope's part of all the pull on the customer, in whole percent: its thickness, in words. */
function shareOfAll(pull: number, total: number): number {
  return total > 0 ? Math.round((Math.max(0, pull) / total) * 100) : 0;
}

const SIDE: Record<Rope['side'], string> = {
  team: 'our team',
  competitor: 'competitor',
  habit: 'the customer',
  outside: 'outside',
};

export function ropeLines(scenario: ScenarioDef, state: SimState): string[] {
  const list = ropes(state, scenario.params, scenario.customer.departments.length);
  const strongest = Math.max(0, ...list.map((r) => r.pull));
  const total = list.reduce((sum, r) => sum + Math.max(0, r.pull), 0);
  const share = sharePercent(state.position);
  return [
    `${scenario.customer.name} sits at ${share}% of the way to us (our market share ${share}%).`,
    ...list.map(
      (r) =>
        `${r.name} (${SIDE[r.side]}): ${direction(r)}, ${strength(r.pull, strongest)}: ${shareOfAll(r.pull, total)}% of all the pull on ${scenario.customer.name}.`,
    ),
    ...basisSentences(scenario, state),
    ...departures(scenario, state).map(departureSentence),
  ];
}

export function ropeTextList(scenario: ScenarioDef, state: SimState): HTMLUListElement {
  return h(
    'ul',
    { class: 'rope-list' },
    ...ropeLines(scenario, state).map((t) => h('li', null, t)),
  );
}
