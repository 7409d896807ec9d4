import {
  historyAt,
  type ScenarioDef,
  shownOrder,
  shownSituation,
  situationById,
} from '../../sim/index.ts';
import type { GameStore } from '../../store/game-store.ts';
import type { GameState } from '../../store/types.ts';
import { button, h, heading } from '../dom.ts';
import { kindName, watchedFigure } from '../explain.ts';
import { guardReplies, type Press } from '../fresh-press.ts';
import { marketBrief } from '../market-brief.ts';
import { showsProfit } from '../money.ts';
import { senderLine } from '../sender.ts';
import { type TermKey, term } from '../terms.ts';
import { attemptKicker } from './context.ts';
import { outcomeScreen, styleBadge } from './outcome.ts';

// The tutorial teaches the controls and the two styles, so it names each reply's style and
// each situation's kind before the call; everywhere else they would give the answer away,
// and they appear only in the outcome and the debrief.
const GUIDED = new Set(['tutorial']);

/**
 * The figures under every decision, as they are named there: a scenario's advice ("read
 * Trust before a request") may name only these, since they are what the player sees.
 * Autonomy is the team's say in how it sells: firm calls wear it down, and the debrief
 * often leads with it, so the trainee watches it move during play.
 */
export const FIGURE_NAMES = {
  share: 'Share',
  trust: 'Trust',
  alignment: 'Alignment',
  morale: 'Morale',
  autonomy: 'Autonomy',
} as const;

function figures(s: GameState): HTMLElement | null {
  const sim = s.sim;
  if (!sim) return null;
  const m = sim.history.at(-1)?.metrics ?? sim.start;
  const item = (key: TermKey, label: string, value: string) =>
    h('div', { class: 'figure' }, h('dt', null, term(key, label)), h('dd', null, value));
  // a scenario that models money shows what the quarter invoiced and what it earned, as
  // the outcome screen shows them (its currency, in whole thousands)
  const scenario = s.entry?.scenario;
  const money = scenario && showsProfit(scenario) ? scenario : null;
  const amount = (sc: ScenarioDef, key: 'revenue' | 'profit') =>
    watchedFigure(sc, key)?.value(m[key]) ?? '';
  return h(
    'dl',
    {
      class: money ? 'figures with-money' : 'figures',
      attrs: { 'aria-label': 'Where you stand' },
    },
    item('share', FIGURE_NAMES.share, `${(m.share * 100).toFixed(1)}%`),
    ...(['trust', 'alignment', 'morale', 'autonomy'] as const).map((k) =>
      item(k, FIGURE_NAMES[k], `${Math.round(m[k] * 100)}`),
    ),
    money ? item('revenue', 'Revenue', amount(money, 'revenue')) : null,
    money ? item('profit', 'Profit', amount(money, 'profit')) : null,
  );
}

function decide(store: GameStore, s: GameState, lastPress: () => Press | null): HTMLElement {
  const { entry, sim } = s;
  if (!entry || !sim || sim.situationId === null) return h('div');
  const { scenario } = entry;
  const quarter = sim.quarter + 1;
  // the card's texts, sender and replies as this player's game so far has them (the
  // alternatives that hold): nobody who has left is named
  const situation = shownSituation(
    situationById(scenario, sim.situationId),
    historyAt(sim, quarter),
  );
  const guided = GUIDED.has(scenario.id);
  const group = h('div', { class: 'choices', attrs: { role: 'group', 'aria-label': 'Your call' } });
  const guard = guardReplies(group, lastPress());
  group.append(
    ...shownOrder(scenario.id, sim.seed, situation.id, situation.choices).map((c) =>
      button(
        [
          h('span', { class: 'choice-label' }, c.label),
          guided ? styleBadge(c.style) : null,
          c.detail ? h('span', { class: 'choice-detail' }, c.detail) : null,
        ],
        (click) => {
          if (guard.counts(click)) store.getState().choose(c.id);
        },
        { class: 'choice', attrs: { 'data-choice': c.id } },
      ),
    ),
  );
  // in a live room the call travels to the server, which plays the quarter: one at a time
  const sending = s.room?.pending ?? null;
  const attempt = attemptKicker(s.context, s.room?.assessment);
  if (sending) for (const b of group.querySelectorAll('button')) b.disabled = true;
  return h(
    'div',
    { class: 'screen situation' },
    h(
      'p',
      { class: 'kicker' },
      `Quarter ${quarter} of ${scenario.quarters}`,
      ...(attempt ? [` · ${attempt}`] : []),
      // the kind is a model word: explained where it is first shown, as on the outcome
      ...(guided && situation.kind ? [' · ', term('kind', kindName(situation.kind))] : []),
    ),
    heading(1, situation.title),
    senderLine(scenario, situation),
    h('p', { class: 'situation-text' }, situation.text),
    // the first call is where the trainee decides on their own market (who is new, how the
    // customer feels about us), read on the briefing just before: here it opens on demand;
    // after it, the figures and outcomes carry that on
    sim.quarter === 0 ? marketBrief(scenario, sim, { folded: true }) : null,
    guided
      ? h(
          'p',
          { class: 'guided-note' },
          h('strong', null, 'Guided mode: '),
          'the style of each reply and the kind of situation are shown. In the other markets you read the situation yourself; they appear after your call.',
        )
      : null,
    group,
    sending
      ? h(
          'p',
          { class: 'muted', attrs: { role: 'status' } },
          // an assessed attempt has no room: the server that grades it plays the quarter
          s.room?.assessment
            ? 'Sending your call to the server…'
            : 'Sending your call to the room…',
        )
      : null,
    figures(s),
  );
}

/** `lastPress`: the page's last press before now (src/ui/fresh-press.ts), kept by the mounted app */
export function playScreen(
  store: GameStore,
  s: GameState,
  lastPress: () => Press | null,
): HTMLElement {
  return s.phase === 'outcome' ? outcomeScreen(store, s) : decide(store, s, lastPress);
}
