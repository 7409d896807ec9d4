import type { GameStore } from '../../store/game-store.ts';
import type { AssessmentPlay, AttemptRules } from '../../store/room-types.ts';
import { button, h, heading } from '../dom.ts';
import { foldedSection, wideScreen } from '../fold.ts';

// An assessed attempt on the server, before it starts: what the trainee is about to be
// graded on and by which rules, then Start. Nothing is dealt or counted until Start is
// pressed (src/app/assess/client.ts); the market's own briefing (the team, the customer)
// follows, once the server has dealt it.

const left = (n: number) => (n === 1 ? '1 attempt' : `${n} attempts`);

/** A due date in the trainee's own words and time zone. */
function dueText(due: string): string {
  const when = new Date(due);
  return Number.isNaN(when.getTime())
    ? due
    : when.toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' });
}

export function attemptRulesScreen(
  store: GameStore,
  a: AssessmentPlay,
  rules: AttemptRules,
): HTMLElement {
  const { scenario } = rules;
  const start = button(
    rules.starting ? 'Starting…' : `Start attempt ${a.attempt} of ${a.attempts}`,
    () => store.getState().startAttempt(),
    { class: 'btn btn-primary btn-large' },
  );
  if (rules.starting) start.setAttribute('aria-disabled', 'true');
  // On a phone the rules in short and Start fit the first screen; the explanations, the
  // market's summary (a long paragraph in most scenarios) and the goals fold below them.
  const wide = wideScreen();
  return h(
    'div',
    { class: 'screen briefing attempt-rules' },
    h('p', { class: 'kicker' }, `Assessed session · ${a.title}`),
    heading(1, scenario.title),
    h(
      'section',
      { class: 'block', attrs: { 'aria-labelledby': 'rules-h' } },
      h('h2', { id: 'rules-h' }, 'The rules of this attempt'),
      h(
        'ul',
        { class: 'rules' },
        h(
          'li',
          null,
          h('strong', null, 'It is graded. '),
          `Pass mark: ${a.passMark} (fair score, 0–100).`,
        ),
        h(
          'li',
          null,
          h('strong', null, `Attempt ${a.attempt} of ${a.attempts}. `),
          a.attempts - a.attempt > 0
            ? `After this one, ${left(a.attempts - a.attempt)} left.`
            : 'This is your last attempt.',
        ),
        rules.due ? h('li', null, h('strong', null, 'Due: '), `${dueText(rules.due)}.`) : null,
        h('li', null, 'It starts, and counts, when you press Start.'),
      ),
      h('div', { class: 'row' }, start),
    ),
    foldedSection(
      { id: 'grading-h', title: 'How it is graded', open: wide },
      h(
        'p',
        null,
        `The server grades your ${scenario.quarters} quarters and sends the result to HR: your fair score (how many of every 100 ways to play your market you beat) against the pass mark. Each attempt is played on a market of its own.`,
      ),
      h(
        'p',
        null,
        'Nothing is dealt or counted before you press Start: the server then deals your market, and its briefing (your team, the customer) comes first. You can leave and come back to it with this link.',
      ),
    ),
    foldedSection(
      { id: 'market-h', title: 'The market', open: wide },
      h('p', { class: 'lead' }, scenario.summary),
    ),
    foldedSection(
      { id: 'goals-h', title: 'Your goals', open: wide },
      h('ul', { class: 'goals' }, ...scenario.goals.map((g) => h('li', null, g))),
    ),
  );
}
