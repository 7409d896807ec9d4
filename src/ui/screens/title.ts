import { marketNumber } from '../../lib/market-number.ts';
import type { ScenarioDef } from '../../sim/index.ts';
import type { GameStore } from '../../store/game-store.ts';
import { tutorialFinished } from '../../store/tutorial.ts';
import type { GameState, ResumeOffer } from '../../store/types.ts';
import { button, h, heading } from '../dom.ts';
import { bundledTutorial, startHereText } from '../tutorial-lead.ts';

/** the seat this browser kept in a live room: one press back to the same game */
function backToRoom(store: GameStore, kept: { code: string; name: string }): HTMLElement {
  const { code, name } = kept;
  return button(`Back to room ${code} as ${name}`, () => store.getState().openRoom(code, name), {
    class: 'btn btn-primary btn-large',
    attrs: { 'data-kept-room': code },
  });
}

function offerItem(store: GameStore, o: ResumeOffer): HTMLLIElement {
  const where = o.finished ? 'finished' : `${o.played} of ${o.quarters} quarters played`;
  const context =
    o.context.kind === 'workshop'
      ? ` · workshop “${o.context.name}”`
      : o.context.kind === 'assignment'
        ? ' · assessed session'
        : '';
  return h(
    'li',
    { class: 'offer' },
    h(
      'div',
      null,
      h('strong', null, o.title),
      h('span', { class: 'muted' }, ` · market #${marketNumber(o.seed)}${context} · ${where}`),
    ),
    h(
      'div',
      { class: 'row' },
      button(
        o.finished ? `See the result of ${o.title}` : `Resume ${o.title}`,
        () => store.getState().resume(o.key),
        {
          class: 'btn btn-primary',
        },
      ),
      button(`Discard`, () => store.getState().discardSave(o.key), {
        class: 'btn btn-quiet',
        attrs: {
          'aria-label': `Discard the saved game of ${o.title}, market #${marketNumber(o.seed)}`,
        },
      }),
    ),
  );
}

/** A save that cannot be resumed: why, and the player's own choice to remove it. */
function brokenItem(store: GameStore, o: ResumeOffer): HTMLLIElement {
  const what = o.seed ? `${o.title}, market #${marketNumber(o.seed)}` : o.title;
  return h(
    'li',
    { class: 'offer' },
    h(
      'div',
      null,
      h('strong', null, what),
      h('span', { class: 'muted' }, ` · cannot be resumed: ${o.problem ?? ''}`),
    ),
    h(
      'div',
      { class: 'row' },
      button('Remove', () => store.getState().discardSave(o.key), {
        class: 'btn btn-quiet',
        attrs: { 'aria-label': `Remove the saved game: ${what}` },
      }),
    ),
  );
}

/** Why the tutorial comes first, said beside its button. */
function tutorialNote(tutorial: ScenarioDef): HTMLElement {
  return h(
    'p',
    { class: 'start-here', id: 'tutorial-note' },
    h('strong', null, 'New here? Start with the tutorial: '),
    startHereText(tutorial),
  );
}

export function titleScreen(store: GameStore, s: GameState): HTMLElement {
  const broken = s.saves.filter((o) => o.problem !== undefined);
  const fine = s.saves.filter((o) => o.problem === undefined);
  const open = fine.filter((o) => !o.finished);
  const done = fine.filter((o) => o.finished).slice(0, 3);
  // until a tutorial has been finished, it is the first thing offered
  const newcomer = tutorialFinished(s) ? null : bundledTutorial(s);
  // only where the room server serves the page: a static copy has no rooms to go back to
  const kept = s.roomServer ? s.keptRoom : null;
  return h(
    'div',
    { class: 'screen title-screen' },
    h('p', { class: 'kicker' }, 'A sales management game'),
    heading(1, 'Tug of War'),
    h(
      'p',
      { class: 'lead' },
      'Your customer sits in the middle, pulled by ropes: its own habits, your competitors, the market, and your own salespeople. Each quarter you make one call for your team and watch where the customer goes.',
    ),
    open.length > 0 &&
      h(
        'section',
        { class: 'block', attrs: { 'aria-labelledby': 'resume-h' } },
        h('h2', { id: 'resume-h' }, 'Continue where you left off'),
        h('ul', { class: 'offers' }, ...open.map((o) => offerItem(store, o))),
      ),
    newcomer && tutorialNote(newcomer),
    h(
      'div',
      { class: 'row' },
      // a trainee whose tab was lost mid-room: the way back comes first, as the main button
      kept && backToRoom(store, kept),
      newcomer &&
        button('Play the tutorial', () => store.getState().playTutorial(), {
          class: kept ? 'btn btn-large' : 'btn btn-primary btn-large',
          attrs: { 'aria-describedby': 'tutorial-note' },
        }),
      button('Choose a market', () => store.getState().showScenarios(), {
        class: newcomer || kept ? 'btn btn-large' : 'btn btn-primary btn-large',
      }),
      // only where the room server serves the page: a static copy has no rooms to join
      s.roomServer &&
        button('Join a live room', () => store.getState().openRoom('', null), {
          class: 'btn btn-large',
        }),
    ),
    done.length > 0 &&
      h(
        'section',
        { class: 'block', attrs: { 'aria-labelledby': 'done-h' } },
        h('h2', { id: 'done-h' }, 'Your recent results'),
        h('ul', { class: 'offers' }, ...done.map((o) => offerItem(store, o))),
      ),
    broken.length > 0 &&
      h(
        'section',
        { class: 'block', attrs: { 'aria-labelledby': 'broken-h' } },
        h('h2', { id: 'broken-h' }, 'Saved games this version cannot resume'),
        h(
          'p',
          { class: 'muted' },
          'They are kept on this device until you remove them: a later version of the game may read them.',
        ),
        h('ul', { class: 'offers' }, ...broken.map((o) => brokenItem(store, o))),
      ),
    h(
      'section',
      { class: 'block how', attrs: { 'aria-labelledby': 'how-h' } },
      h('h2', { id: 'how-h' }, 'How it works'),
      h(
        'ol',
        null,
        h('li', null, 'Read the briefing: your team, the customer, the competition.'),
        h(
          'li',
          null,
          'Each quarter, answer one situation. No way of leading is right in itself: which reply works depends on your people, the customer and what you did before. After each call you see how it led (▲ directive, ● collaborative or ◆ hands-off) and what it did.',
        ),
        h(
          'li',
          null,
          'Watch the ropes: a team pulling one way moves the customer; a distrustful customer damps every pull.',
        ),
        h(
          'li',
          null,
          'At the end, the debrief shows what each of your calls did, and you can replay the same market.',
        ),
      ),
    ),
  );
}
