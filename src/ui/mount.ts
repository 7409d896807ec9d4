import { type GameStore, reducedMotion } from '../store/game-store.ts';
import type { GameState, Notice } from '../store/types.ts';
import { screenAnnouncement } from './announce.ts';
import { button, h } from './dom.ts';
import { WIDE_SCREEN } from './fold.ts';
import { watchPresses } from './fresh-press.ts';
import { glossaryControl } from './glossary.ts';
import { helpControl } from './help.ts';
import { roomBar } from './room-bar.ts';
import { ropeLegendList } from './rope-legend.ts';
import { ropeTextList } from './rope-text.ts';
import { briefingScreen } from './screens/briefing.ts';
import { chooseScreen } from './screens/choose.ts';
import { debriefScreen } from './screens/debrief.ts';
import { elsewhereScreen } from './screens/elsewhere.ts';
import { linkErrorScreen } from './screens/link-error.ts';
import { playScreen } from './screens/play.ts';
import { roomScreen } from './screens/room.ts';
import { titleScreen } from './screens/title.ts';
import { viewKey } from './view-key.ts';

// The page's frame: header with the motion toggle, messages, the rope view with its text
// equivalent, the panel for the current screen, and one live region for announcements.
// It subscribes to the store and redraws only the parts whose state changed.

const SCREENS = {
  title: titleScreen,
  choose: chooseScreen,
  briefing: briefingScreen,
  play: playScreen,
  debrief: debriefScreen,
  'link-error': linkErrorScreen,
  elsewhere: elsewhereScreen,
  room: roomScreen,
} as const;

export interface MountedApp {
  /** where the rope view draws its canvas */
  stage: HTMLElement;
  dispose(): void;
}

function noticeList(store: GameStore, notices: Notice[]): HTMLElement[] {
  return notices.map((n) =>
    h(
      'div',
      {
        class: `notice notice-${n.tone}`,
        attrs: { role: n.tone === 'error' ? 'alert' : 'status' },
      },
      h(
        'p',
        null,
        h(
          'strong',
          null,
          n.tone === 'info' ? 'Note: ' : n.tone === 'warning' ? 'Warning: ' : 'Problem: ',
        ),
        n.text,
      ),
      button('Dismiss', () => store.getState().dismissNotice(n.id), {
        class: 'btn btn-quiet btn-small',
        attrs: { 'aria-label': `Dismiss: ${n.text.slice(0, 60)}` },
      }),
    ),
  );
}

export function mountApp(root: HTMLElement, store: GameStore): MountedApp {
  const motion = h('input', { id: 'motion-toggle', attrs: { type: 'checkbox' } });
  motion.addEventListener('change', () => store.getState().setReducedMotion(motion.checked));
  // once the toggle has been used, the way back to what the system's setting says
  const followSystem = button(
    'Follow system',
    () => {
      store.getState().setReducedMotion(null);
      motion.focus();
    },
    {
      class: 'topbar-link',
      attrs: { title: "Reduce motion when this device's own setting asks for it" },
    },
  );
  const glossary = glossaryControl();
  const help = helpControl({
    glossary,
    tutorial: { start: () => store.getState().playTutorial() },
    // said in Help before the tutorial is started, when starting it would cost something
    tutorialWarning: () => {
      const s = store.getState();
      if (s.room) return 'You are in a live room: the tutorial opens once you have left it.';
      const playing = s.screen === 'play' && (s.sim?.quarter ?? 0) > 0;
      return playing && s.unsaved
        ? 'This browser is not keeping saved games, so starting the tutorial ends the game you are playing.'
        : null;
    },
  });
  // a way back to the course, when the LMS that opened the game gave one (cmi5's returnURL)
  const exitSlot = h('span', { class: 'exit-slot' });
  exitSlot.hidden = true; // an empty slot would still take the bar's gap
  const header = h(
    'header',
    { class: 'topbar' },
    h(
      'span',
      { class: 'brand' },
      h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }, '⟷'),
      ' Tug of War',
    ),
    h(
      'span',
      { class: 'motion' },
      exitSlot,
      help.open,
      glossary.open,
      h('label', { class: 'toggle', attrs: { for: 'motion-toggle' } }, motion, ' Reduce motion'),
      followSystem,
    ),
  );
  const notices = h('div', {
    class: 'notices',
    attrs: { 'aria-label': 'Messages', role: 'region' },
  });
  // one-off news that asks nothing of the player (the game now plays offline) comes after
  // the screen, so on a phone what they came for (the room, the decision) is seen first
  const notes = h('div', {
    class: 'notices notices-after',
    attrs: { 'aria-label': 'Notes', role: 'region' },
  });
  const stage = h('div', { id: 'stage', class: 'stage' });
  const skip = button('Skip animation', () => store.getState().skipAnimation(), {
    class: 'btn btn-small skip-anim',
  });
  const ropeText = h('div', { class: 'rope-text' });
  const details = h(
    'details',
    { class: 'rope-details' },
    h('summary', null, 'Who is pulling, and how hard'),
    ropeText,
  );
  // every mark the picture draws, explained; folded until asked for
  const legendBody = h('div', { class: 'rope-legend' });
  const legend = h(
    'details',
    { class: 'rope-details rope-legend-details' },
    h('summary', null, 'What the picture shows'),
    legendBody,
  );
  // open beside the picture on a wide screen; folded on a phone so the decision stays in view
  const wide = window.matchMedia(WIDE_SCREEN);
  details.open = wide.matches;
  const unmounted = new AbortController();
  wide.addEventListener(
    'change',
    () => {
      details.open = wide.matches;
    },
    { signal: unmounted.signal },
  );
  const stageWrap = h(
    'section',
    { class: 'stage-wrap', attrs: { 'aria-labelledby': 'ropes-h' } },
    h('h2', { id: 'ropes-h', class: 'sr-only' }, 'The rope view'),
    stage,
    skip,
    legend,
    details,
  );
  const panel = h('div', { id: 'panel', class: 'panel' });
  const main = h('main', { id: 'main', class: 'layout' }, stageWrap, panel);
  const live = h('div', {
    class: 'sr-only',
    attrs: { 'aria-live': 'polite', 'aria-atomic': 'true', id: 'live' },
  });
  const skipLink = h('a', { class: 'skip-link', attrs: { href: '#panel' } }, 'Skip to the game');
  const bar = roomBar();
  root.replaceChildren(
    skipLink,
    header,
    bar.el,
    notices,
    main,
    notes,
    live,
    glossary.dialog,
    help.dialog,
  );

  // the replies refuse the tail of a double click that drew them (fresh-press.ts): the
  // page's presses are watched while this app is mounted, and no longer
  const presses = watchPresses(document);

  let lastKey = '';
  let first = true;
  let lastNotices: Notice[] | null = null;
  let lastSim: unknown = null;
  let lastExit: GameState['exit'] = null;

  const update = (s: GameState) => {
    main.dataset.screen = s.screen;
    bar.update(s);
    main.dataset.phase = s.phase;
    const key = viewKey(s);
    if (key !== lastKey) {
      lastKey = key;
      panel.replaceChildren(SCREENS[s.screen](store, s, presses.last));
      if (!first) {
        window.scrollTo({ top: 0 });
        panel.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
      }
      live.textContent = screenAnnouncement(s);
    }
    first = false;
    if (s.exit !== lastExit) {
      lastExit = s.exit;
      const exit = s.exit;
      exitSlot.replaceChildren(
        ...(exit ? [button(exit.label, () => exit.leave(), { class: 'topbar-link' })] : []),
      );
      exitSlot.hidden = !exit;
    }
    if (s.notices !== lastNotices) {
      lastNotices = s.notices;
      notices.replaceChildren(
        ...noticeList(
          store,
          s.notices.filter((n) => !n.aside),
        ),
      );
      notes.replaceChildren(
        ...noticeList(
          store,
          s.notices.filter((n) => n.aside),
        ),
      );
    }
    // on the debrief the picture follows the timeline, and so must its text equivalent
    const shown =
      s.screen === 'debrief' && s.debrief ? (s.debrief.actual[s.debrief.timeline] ?? s.sim) : s.sim;
    if (shown !== lastSim) {
      lastSim = shown;
      ropeText.replaceChildren(s.entry && shown ? ropeTextList(s.entry.scenario, shown) : '');
      legendBody.replaceChildren(s.entry && shown ? ropeLegendList(s.entry.scenario, shown) : '');
    }
    const hideSkip = !(s.animating && !s.skipped && !reducedMotion(s));
    // a button that vanishes under the keyboard would drop focus on the page's body
    if (hideSkip && document.activeElement === skip)
      panel.querySelector<HTMLElement>('h1')?.focus();
    skip.hidden = hideSkip;
    motion.checked = reducedMotion(s);
    followSystem.hidden = s.settings.reducedMotion === null;
    document.documentElement.classList.toggle('reduce-motion', reducedMotion(s));
  };
  update(store.getState());
  const unsubscribe = store.subscribe(update);
  return {
    stage,
    dispose: () => {
      unsubscribe();
      presses.stop();
      unmounted.abort();
    },
  };
}
