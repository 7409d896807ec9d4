import './dialogs.css';
import { button, type Child, h } from './dom.ts';
import { type Glossary, glossaryControl } from './glossary.ts';
import { TERMS, type TermKey } from './terms.ts';
import { trapFocus } from './trap-focus.ts';

// Help, from every page: how to play, what the main figures mean (the glossary has them
// all), and the tutorial to start again. A modal dialog like the glossary: the keyboard
// stays inside it, Escape closes it, and focus goes back to the Help button.

/** The figures Help explains; the glossary lists every other one. */
const FIGURES: TermKey[] = ['share', 'trust', 'alignment', 'morale', 'score', 'fair'];

export interface HelpOptions {
  glossary: Glossary;
  /**
   * The game page starts the tutorial in place (the game in progress stays saved); the
   * other pages give a link that opens the game on it in a new tab.
   */
  tutorial: { start(): void } | { href: string };
  /** a paragraph on the page Help is opened from, for the pages other than the game */
  about?: Child[];
  /**
   * Sections on the page Help is opened from, before how to play: what the page is for and
   * how to use it (HR's page explains making links and checking results)
   */
  guide?: readonly HelpSection[];
  /** the Help button's look on its page */
  openClass?: string;
  /** read as Help opens: why starting the tutorial now would cost something (null: it costs nothing) */
  tutorialWarning?: () => string | null;
}

/** A heading and its paragraphs (or lists), for Help on a page other than the game. */
export interface HelpSection {
  heading: string;
  parts: Child[];
}

const STEPS = [
  'Read the briefing: who the customer is, who is on your team and who your rivals are.',
  'Each quarter brings one situation. Pick a reply: directive (you decide), collaborative (you decide with the team) or hands-off (the people closest to the customer decide).',
  'Watch the customer on the rope view. Your people pull it towards you, rivals pull it away, and its own habits hold it back. After each quarter the outcome says what moved, by how much and why, in the figures the debrief gives again; moves too small to show are counted together.',
  'After the last quarter the debrief shows which calls mattered most, what another reply would have done, and asks what you will do differently with your own team. On a phone its longer parts are folded under their headings: tap a quarter, or a heading, to open it.',
];

export function helpControl(options: HelpOptions): {
  open: HTMLButtonElement;
  dialog: HTMLDialogElement;
} {
  const { glossary, tutorial } = options;
  const close = button('Close', () => dialog.close(), { class: 'btn btn-small' });
  const toGlossary = button(
    'Every figure, in the glossary',
    () => {
      handOff();
      glossary.show(open);
    },
    { class: 'btn btn-small', attrs: { 'aria-haspopup': 'dialog' } },
  );
  const tutorialControl =
    'start' in tutorial
      ? button(
          'Play the tutorial',
          () => {
            handOff();
            tutorial.start();
          },
          { class: 'btn btn-primary' },
        )
      : h(
          'a',
          { attrs: { href: tutorial.href, target: '_blank', rel: 'noopener' } },
          'Play the tutorial (opens the game in a new tab)',
        );
  const warning = h('p', { class: 'help-warning' });
  const dialog = h(
    'dialog',
    { class: 'help', attrs: { 'aria-labelledby': 'help-h' } },
    h('div', { class: 'help-head' }, h('h2', { id: 'help-h' }, 'Help'), close),
    options.about ? h('p', null, ...options.about) : null,
    ...(options.guide ?? []).flatMap((g) => [h('h3', null, g.heading), ...g.parts]),
    h('h3', null, 'How to play'),
    h('ol', null, ...STEPS.map((s) => h('li', null, s))),
    h(
      'p',
      null,
      'By keyboard: Tab moves to the next control, Enter or Space presses it, and Escape closes a window like this one.',
    ),
    h('h3', null, 'Start again with the tutorial'),
    h(
      'p',
      null,
      'The tutorial is a short market of four quarters that shows how the ropes work. A game you are playing is saved as you go: after the tutorial, open it again from the title screen.',
    ),
    warning,
    h('div', { class: 'help-actions' }, tutorialControl),
    h('h3', null, 'What the figures mean'),
    h(
      'dl',
      { class: 'help-figures' },
      ...FIGURES.flatMap((key) => [
        h('dt', null, TERMS[key].term),
        h('dd', null, TERMS[key].definition),
      ]),
    ),
    h('div', { class: 'help-actions' }, toGlossary),
  );
  const showModal = trapFocus(dialog);
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  // focus goes back to the Help button, unless what was picked here takes it: the glossary
  // (which gives it back to Help's button) or the tutorial's briefing
  let handedOff = false;
  const handOff = () => {
    handedOff = true;
    dialog.close();
  };
  dialog.addEventListener('close', () => {
    if (!handedOff) open.focus();
    handedOff = false;
  });
  const show = () => {
    const text = options.tutorialWarning?.() ?? null;
    warning.textContent = text ?? '';
    warning.hidden = text === null;
    showModal();
  };
  const open = button('Help', show, {
    class: options.openClass ?? 'topbar-link',
    attrs: { 'aria-haspopup': 'dialog' },
  });
  return { open, dialog };
}

/**
 * Help and the glossary for a page other than the game (the facilitator's, HR's): the same
 * windows, with a paragraph on the page and the tutorial a link to the game in a new tab.
 */
export function pageHelp(
  about: string,
  guide?: readonly HelpSection[],
): {
  glossary: Glossary;
  help: ReturnType<typeof helpControl>;
} {
  const glossary = glossaryControl('help-open');
  const help = helpControl({
    glossary,
    tutorial: { href: './index.html?scenario=tutorial' },
    openClass: 'help-open',
    about: [about],
    ...(guide ? { guide } : {}),
  });
  return { glossary, help };
}
