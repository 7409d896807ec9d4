import { basisSentences, departures, sideNames } from '../scenes/describe.ts';
import { cssColour, OKABE_ITO, SCENE_COLOURS, SIDE_STYLES, type Side } from '../scenes/palette.ts';
import {
  possessive,
  type ScenarioDef,
  type SimState,
  sharePercent,
  teamResultant,
} from '../sim/index.ts';
import { h, svg } from './dom.ts';

// The rope view's legend: every mark the picture draws, a small drawing of it and what it
// means, with the figures of the market on screen. The drawings take their colours and
// dashes from the view's own palette, so the legend cannot drift from the picture.

const W = 46;
const H = 22;
const MID = H / 2;
const colour = (c: number) => cssColour(c);
const side = (s: Side) => colour(SIDE_STYLES[s].colour);
const dashOf = (s: Side) => SIDE_STYLES[s].dash.join(' ');

function swatch(...parts: SVGElement[]): SVGElement {
  return svg(
    'svg',
    { width: W, height: H, viewBox: `0 0 ${W} ${H}`, 'aria-hidden': 'true', class: 'legend-mark' },
    ...parts,
  );
}

const line = (attrs: Record<string, string | number>) =>
  svg('line', { x1: 3, y1: MID, x2: W - 10, y2: MID, 'stroke-linecap': 'round', ...attrs });

const DRAWINGS = {
  scale: () =>
    swatch(
      line({
        x1: 3,
        x2: W - 3,
        y1: H - 5,
        y2: H - 5,
        stroke: colour(SCENE_COLOURS.track),
        'stroke-width': 2,
      }),
      ...[3, 13, 23, 33, 43].map((x) =>
        svg('line', {
          x1: x,
          x2: x,
          y1: H - 9,
          y2: H - 1,
          stroke: colour(SCENE_COLOURS.track),
          'stroke-width': 1.5,
        }),
      ),
      svg('circle', { cx: 28, cy: 7, r: 6, fill: colour(SCENE_COLOURS.node) }),
    ),
  usual: () =>
    swatch(
      line({ x1: 3, x2: W - 3, stroke: colour(SCENE_COLOURS.track), 'stroke-width': 2 }),
      svg('line', {
        x1: 20,
        x2: 20,
        y1: MID - 7,
        y2: MID + 7,
        stroke: side('habit'),
        'stroke-width': 3,
      }),
    ),
  team: () =>
    swatch(
      line({ stroke: side('team'), 'stroke-width': 2 }),
      line({ y1: MID + 6, y2: MID + 6, stroke: side('team'), 'stroke-width': 6 }),
      svg('circle', {
        cx: W - 7,
        cy: MID,
        r: 5,
        fill: side('team'),
        stroke: colour(SCENE_COLOURS.ink),
      }),
    ),
  friction: () =>
    swatch(
      line({ stroke: colour(SCENE_COLOURS.friction), 'stroke-width': 13 }),
      line({ stroke: colour(SCENE_COLOURS.frictionFill), 'stroke-width': 10 }),
      line({ stroke: side('team'), 'stroke-width': 4 }),
    ),
  competitor: () =>
    swatch(
      line({
        stroke: side('competitor'),
        'stroke-width': 5,
        'stroke-dasharray': dashOf('competitor'),
        'stroke-linecap': 'butt',
      }),
      svg('rect', {
        x: W - 12,
        y: MID - 5,
        width: 10,
        height: 10,
        fill: side('competitor'),
        stroke: colour(SCENE_COLOURS.ink),
      }),
    ),
  habit: () =>
    swatch(
      line({ stroke: side('habit'), 'stroke-width': 3, 'stroke-dasharray': dashOf('habit') }),
      svg('polygon', {
        points: `${W - 7},${MID - 7} ${W - 13},${MID + 6} ${W - 1},${MID + 6}`,
        fill: side('habit'),
        stroke: colour(SCENE_COLOURS.ink),
      }),
    ),
  outside: () =>
    swatch(
      line({
        stroke: side('outside'),
        'stroke-width': 3,
        'stroke-dasharray': dashOf('outside'),
        'stroke-linecap': 'butt',
      }),
      svg('polygon', {
        points: `${W - 7},${MID - 7} ${W - 1},${MID} ${W - 7},${MID + 7} ${W - 13},${MID}`,
        fill: side('outside'),
        stroke: colour(SCENE_COLOURS.ink),
      }),
    ),
  arrow: () =>
    swatch(
      line({
        stroke: colour(SCENE_COLOURS.powerLine),
        'stroke-width': 7,
        'stroke-linecap': 'butt',
      }),
      svg('polygon', {
        points: `${W - 12},${MID - 9} ${W - 1},${MID} ${W - 12},${MID + 9}`,
        fill: colour(SCENE_COLOURS.powerLine),
      }),
    ),
  slack: () =>
    swatch(
      svg('path', {
        d: `M3 4 Q ${W / 2} ${H + 6} ${W - 3} 4`,
        fill: 'none',
        stroke: colour(SIDE_STYLES.team.pale),
        'stroke-width': 2,
      }),
      line({ y1: 4, y2: 4, x2: W - 3, stroke: side('team'), 'stroke-width': 4 }),
    ),
  ghost: () =>
    swatch(
      svg('line', {
        x1: 3,
        y1: MID,
        x2: 24,
        y2: MID,
        stroke: colour(SCENE_COLOURS.ghost),
        'stroke-width': 2,
        'stroke-dasharray': '4 3',
      }),
      svg('circle', {
        cx: 34,
        cy: MID,
        r: 8,
        fill: colour(SCENE_COLOURS.background),
        stroke: colour(SCENE_COLOURS.ghost),
        'stroke-width': 2.5,
        'stroke-dasharray': '4 3',
      }),
    ),
  left: () =>
    swatch(
      svg('circle', {
        cx: W / 2,
        cy: MID,
        r: 7,
        fill: 'none',
        stroke: colour(SCENE_COLOURS.track),
        'stroke-width': 1.5,
        'stroke-dasharray': '3 2',
      }),
      svg('line', {
        x1: W / 2 - 9,
        y1: MID + 9,
        x2: W / 2 + 9,
        y2: MID - 9,
        stroke: colour(SCENE_COLOURS.ink),
        'stroke-width': 2,
      }),
    ),
  gust: () =>
    swatch(
      ...[6, 14, 22].map((x) =>
        svg('polyline', {
          points: `${x},${MID - 5} ${x + 5},${MID} ${x},${MID + 5}`,
          fill: 'none',
          stroke: colour(OKABE_ITO.vermillion),
          'stroke-width': 2,
        }),
      ),
    ),
} as const;

type Mark = keyof typeof DRAWINGS;

/** Each mark's meaning, in plain words, with the figures of the market shown. */
export function legendEntries(scenario: ScenarioDef, state: SimState): [Mark, string][] {
  const who = scenario.customer.name;
  const { theirs, ours } = sideNames(scenario);
  const aligned = Math.round(teamResultant(state).alignment * 100);
  const [distrust = '', contacts] = basisSentences(scenario, state);
  return [
    [
      'scale',
      `The line along the bottom runs from ${theirs} (none of ${possessive(who)} business) to ${ours} (all of it), with a tick every 10 points. The dark circle is ${who}, standing over our share: ${sharePercent(state.position)}% now. It does not move unless the share does.`,
    ],
    [
      'usual',
      `Purple mark on the line: the share ${who} usually gives us (${sharePercent(state.home)}%).`,
    ],
    [
      'habit',
      `Dotted purple rope and triangle: ${possessive(who)} habits, pulling it back towards that usual share.`,
    ],
    [
      'team',
      `Blue ropes with a circle: our people. The thicker the rope, the harder ${who} feels its pull, after distrust and our contacts.`,
    ],
    [
      'friction',
      `Grey tube around our ropes: the pull distrust takes away; the more of the tube the rope leaves empty, the more is lost. ${distrust}`,
    ],
    [
      'competitor',
      `Orange dashed ropes with a square: competitors, measured the same way: the pull that reaches ${who}.${contacts ? ` ${contacts}` : ''}`,
    ],
    [
      'outside',
      'Green rope with a diamond: outside influences (the economy, the press, word of mouth).',
    ],
    [
      'arrow',
      `Light blue arrow: where our team's pulls add up to. The more the team pulls one way, the longer and bolder it is (team alignment ${aligned}%).`,
    ],
    ['slack', 'A rope that sags is pulled weakly; a taut, straight one is pulled hard.'],
    [
      'ghost',
      `Dashed ring and dashed ropes (on the debrief): the what-if, where another reply would have left ${who}. When that is close to where ${who} is, the ring is drawn round ${who}, a little off centre towards the what-if's side.`,
    ],
    [
      'gust',
      'Arrow heads at the top left: an event this quarter that worked for us or against us.',
    ],
    ...leftEntry(scenario, state),
  ];
}

/** Where someone has left the team: why the picture has no rope for them. */
function leftEntry(scenario: ScenarioDef, state: SimState): [Mark, string][] {
  const gone = departures(scenario, state);
  if (gone.length === 0) return [];
  const each = gone.map(
    (d) => `${d.name} left in quarter ${d.quarter}${d.event ? ` (${d.event})` : ''}`,
  );
  return [
    [
      'left',
      `No rope for someone who has left the team: they pull nothing, so the picture no longer draws them. ${each.join('; ')}.`,
    ],
  ];
}

export function ropeLegendList(scenario: ScenarioDef, state: SimState): HTMLUListElement {
  return h(
    'ul',
    { class: 'rope-legend-list' },
    ...legendEntries(scenario, state).map(([mark, text]) =>
      h('li', { attrs: { 'data-mark': mark } }, DRAWINGS[mark](), h('span', null, text)),
    ),
  );
}
