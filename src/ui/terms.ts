import { TURNING_RULE } from './debrief/turning.ts';
import { h, uniqueId } from './dom.ts';

// Every figure and word of the game's model that appears on a screen, defined in a
// sales manager's words. A term on screen is a button: its definition shows on hover, on
// keyboard focus and on a tap (a toggletip), and a screen reader hears it as the
// button's description. The glossary lists them all.

export const TERMS = {
  share: {
    term: 'Market share',
    definition:
      "The part of this customer's business that comes to us, in per cent. It moves as the customer moves between our side and our rivals' on the rope view; a point of share is a hundredth of the customer's spending.",
  },
  revenue: {
    term: 'Revenue',
    definition:
      "What the customer buys from us in the quarter (in thousands, or in the scenario's currency): our market share times the customer's whole spending, which grows or shrinks with its market, at our price, less any part of the business we stopped serving.",
  },
  profit: {
    term: 'Profit after cost to serve',
    definition:
      'What the quarter earned us: the gross margin on everything sold at our price, less what it cost to serve the customer. A price cut lowers the margin on every unit; a segment that costs more to serve than it earns keeps revenue up and profit down.',
  },
  price: {
    term: 'Price against list',
    definition:
      'Our price as a share of the list price. A price under list draws the customer a little every quarter it lasts, and every quarter it lasts it gives away margin on everything sold: the outcome shows both, the sales it drew in the lines of share and money, and beneath them what the same sales would have brought at list price.',
  },
  growth: {
    term: 'Growth',
    definition: "This quarter's revenue against last quarter's, in per cent.",
  },
  attainment: {
    term: 'Plan attainment',
    definition:
      "Revenue against the plan for the quarter: 100% is on plan. Above plan lifts the team's spirits; below it weighs on them.",
  },
  trust: {
    term: "Customer's trust",
    definition:
      'How far the customer believes what we say, out of 100. Distrust works like friction on every one of our ropes. It is won slowly by giving before asking and keeping promises, and lost by pushing a customer who does not trust us yet.',
  },
  alignment: {
    term: 'Team alignment',
    definition:
      'How much the team pulls one way, out of 100: 100 when every salesperson and product line pulls straight for the customer, lower as they pull in different directions. A firm call aligns the team for a quarter or two; a plan the team agreed keeps it aligned.',
  },
  morale: {
    term: 'Team morale',
    definition:
      "The team's spirits, out of 100, on average. Each person pulls with their skill, their effort and their spirits, so low morale weakens every rope of ours.",
  },
  breadth: {
    term: 'Contacts across the customer',
    definition:
      "The part of the customer's departments (engineering, purchasing, operations…) where one of our people has a contact. Contacts add to our pull, shield the customer from rivals and make switching harder.",
  },
  brand: {
    term: 'Brand strength',
    definition:
      "How well the customer's people know and rate us, out of 100. It follows, slowly, the share a united team holds.",
  },
  pull: {
    term: 'Pull',
    definition:
      "How hard a person, a rival or the customer's habits draw the customer to their side. A salesperson pulls with skill × effort × spirits; a pull off the line to the customer counts for less.",
  },
  distrust: {
    term: "The customer's distrust",
    definition:
      "The part of our team's pull that the customer's distrust takes away. At full trust it takes nothing; at none it takes most of it.",
  },
  habits: {
    term: "The customer's habits",
    definition:
      'The status quo: the customer tends to stay where it has been. Its habits pull it back towards where it used to sit, and drift towards us only while it stays with us: that drift is loyalty.',
  },
  noise: {
    term: 'Market noise',
    definition:
      'The economy, word of mouth and other outside forces: a push towards us or away from us, different every quarter, the same for every way of playing the same market.',
  },
  standing: {
    term: 'Already pulling',
    definition:
      'The ropes as they stood when the quarter opened: where they were taking the customer before anything happened this quarter. They move the customer part of the way to where they settle it (its balance point) each quarter, so the further it stands from that point, the further the same ropes move it: after an event or a reply has pushed the customer away, the same ropes pull it back much further the next quarter. A customer drifting away from us also moves almost twice as fast as one coming towards us (a customer is quicker lost than won), so the same ropes can weigh about twice as much in a quarter when the customer is slipping away.',
  },
  balance: {
    term: 'Balance point',
    definition:
      "Where the ropes as they stand would settle the customer, as a share: the point where our team's pulls, our rivals' and the customer's habits cancel out. Each quarter the customer moves part of the way there, so the further it stands from that point, the harder the same ropes pull it back: a customer an event has knocked off balance drifts back quickly once the push is gone. Stronger or weaker ropes move the point itself.",
  },
  score: {
    term: 'Score',
    definition:
      "Your result out of 100, from this scenario's rubric: the outcomes it weighs (such as share, growth, trust and morale), with next year's outlook, so a last-quarter grab does not pay.",
  },
  fair: {
    term: 'Fair score',
    definition:
      'Where your score stands among every way this same market could have been played, with the same luck: better than 73% of the ways means a fair score of 73. Luck cannot decide it.',
  },
  grade: {
    term: 'Pass mark',
    definition:
      "The result an assessed session needs to pass, set by the scenario or by the person who assigned it; it counts your fair score, your score or both, as the scenario's rubric says.",
  },
  turning: {
    term: 'Turning point',
    definition: `One of the few decisions that mattered most: ${TURNING_RULE}, up or down. The debrief marks each one with ★ and names the reply that would have changed it most. A game where no decision stands out has none.`,
  },
  par: {
    term: 'Par lines',
    definition:
      'Fixed ways of playing the same market, for comparison: always the same style, and the best path.',
  },
  best: {
    term: 'Best path',
    definition: 'The highest-scoring way to play this same market, with the same luck.',
  },
  whatif: {
    term: 'What-if',
    definition:
      'Another reply at one of your decisions, and the rest of the market played again with the same luck, keeping your later replies where they still fit.',
  },
  style: {
    term: 'Style',
    definition:
      'What a reply does with people. A directive reply tells the team what to do: fast, and it costs experienced people some commitment. A collaborative reply involves the team: slower, and it lasts. A hands-off reply lets the people closest to the customer act: it works only when they are ready.',
  },
  kind: {
    term: 'Kind of situation',
    definition:
      'A crisis calls for speed; a slow build rewards patience; a routine one is neither. Which style fits depends on the team and the trust you have built, not on the kind alone.',
  },
  autonomy: {
    term: 'Autonomy',
    definition:
      'How much say the team has in how it sells, out of 100. People who choose how they sell keep their spirits up; firm calls wear it down.',
  },
  effort: {
    term: 'Effort',
    definition:
      'How hard the team works the account. A firm call raises it at once; it settles back over the next quarters.',
  },
  skill: {
    term: 'Skill',
    definition:
      "What a person can do with the customer; newer people learn from clear direction, and by doing with someone to coach them. From 70 a person counts as experienced. The outcome shows the team's skill as the average of the people on it, so someone leaving moves it too. How ready a person is takes their skill and their will (effort and spirits) together.",
  },
} as const satisfies Record<string, { term: string; definition: string }>;

export type TermKey = keyof typeof TERMS;

// A tap elsewhere takes the focus from an open term (so closes its definition) before the
// tap's click lands. On a phone the definition lies in the text, and closing it then pulls
// what follows it up under the finger: the tap on "On to quarter N" below would miss. So
// the page notes a press that has not yet become a click, and a term that loses focus to
// one closes once the click has landed (its target chosen), or soon after if none comes.
let pressing = false;
let watching = false;
function watchPresses(): void {
  if (watching) return;
  watching = true;
  document.addEventListener('pointerdown', () => (pressing = true), { capture: true });
  document.addEventListener('click', () => (pressing = false));
}

/** Runs `close` once the press under way has clicked, or after a moment without a click. */
function afterThePress(close: () => void): void {
  const done = () => {
    clearTimeout(timer);
    document.removeEventListener('click', done, { capture: true });
    close();
  };
  const timer = setTimeout(done, 700);
  document.addEventListener('click', done, { capture: true });
}

/**
 * A term on screen with its definition a hover, focus or tap away. `text` is what the
 * screen says (the term's own name by default).
 */
export function term(key: TermKey, text: string = TERMS[key].term): HTMLElement {
  const id = uniqueId('term-tip');
  const tip = h(
    'span',
    { class: 'term-tip', id, attrs: { role: 'tooltip' } },
    TERMS[key].definition,
  );
  watchPresses();
  const wrap = h('span', { class: 'term-wrap' });
  const open = (yes: boolean) => {
    wrap.classList.toggle('open', yes);
    // Escape hides it even while keyboard focus (which shows it) stays on the term
    wrap.classList.toggle('dismissed', !yes);
    btn.setAttribute('aria-expanded', String(yes));
  };
  // A hover shows the definition only once a mouse has moved on the term. A term drawn or
  // scrolled under a pointer at rest (the outcome appears where the reply was pressed) is
  // not pointed at, and its definition would cover what the player came for: the
  // "On to quarter" button below it. The browser's :hover cannot tell the two apart, and
  // moving events are what it does not fake on a layout change.
  const hover = (yes: boolean) => wrap.classList.toggle('hover', yes);
  const btn = h(
    'button',
    {
      class: 'term',
      attrs: { type: 'button', 'aria-describedby': id, 'aria-expanded': 'false', 'data-term': key },
      on: {
        click: () => open(!wrap.classList.contains('open')),
        keydown: (e) => {
          if (e.key === 'Escape') {
            open(false);
            hover(false);
          }
        },
        blur: () => {
          const close = () => {
            open(false);
            wrap.classList.remove('dismissed');
          };
          if (pressing) afterThePress(close);
          else close();
        },
        pointermove: (e) => {
          if (e.pointerType === 'mouse' || e.pointerType === 'pen') hover(true);
        },
        pointerleave: () => hover(false),
      },
    },
    text,
  );
  wrap.append(btn, tip);
  return wrap;
}

/** Model words a scenario's or the debrief's own sentences may use, and the term that explains each. */
const EXPLAINED: { words: RegExp; key: TermKey }[] = [
  { words: /\b(?:team alignment|alignment)\b/i, key: 'alignment' },
  { words: /\bautonomy\b/i, key: 'autonomy' },
  // the debrief's word for the average the outcome shows as "Team skill (average)"
  { words: /\bthe team's skill\b/i, key: 'skill' },
  // the outcome's and the debrief's words for the balance point (src/sim/balance-gap.ts)
  { words: /\bwhere (?:these|those) ropes settle it\b/i, key: 'balance' },
];

/**
 * A sentence with its model words explained where they stand: the first mention of each
 * becomes a term (its definition a hover, focus or tap away). `seen` carries the terms
 * already explained nearby (in the same card), so a word is explained once, not at every
 * mention.
 */
export function withTerms(text: string, seen: Set<TermKey> = new Set()): (string | HTMLElement)[] {
  let best: { at: number; length: number; key: TermKey } | null = null;
  for (const { words, key } of EXPLAINED) {
    if (seen.has(key)) continue;
    const m = words.exec(text);
    if (m && (best === null || m.index < best.at)) best = { at: m.index, length: m[0].length, key };
  }
  if (!best) return [text];
  seen.add(best.key);
  const word = text.slice(best.at, best.at + best.length);
  return [
    ...(best.at > 0 ? [text.slice(0, best.at)] : []),
    term(best.key, word),
    ...withTerms(text.slice(best.at + best.length), seen),
  ];
}
