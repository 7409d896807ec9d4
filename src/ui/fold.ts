import { type Child, h } from './dom.ts';

// The long parts of a page fold on a phone, so what the player came for fits the first
// screens and the rest is one tap away. A fold is the browser's own <details>: Enter and
// Space open it, screen readers hear "expanded" or "collapsed", the browser's find in page
// opens a fold that holds what it found, and the printed page shows what it holds
// (print.css). Its look: .fold in styles.css.

/** The width from which the rope view stands beside the panel (styles.css): room to keep things open. */
export const WIDE_SCREEN = '(min-width: 960px)';

export function wideScreen(): boolean {
  return window.matchMedia(WIDE_SCREEN).matches;
}

/** A fold: `summary` always shown (no buttons or links in it: it is a button itself), `body` under it. */
export function fold(
  summary: Child[],
  body: Child[],
  options: { open: boolean; class?: string },
): HTMLDetailsElement {
  const details = h(
    'details',
    { class: options.class ? `fold ${options.class}` : 'fold' },
    h('summary', null, ...summary),
    ...body,
  );
  details.open = options.open;
  return details;
}

/**
 * A section whose heading is its fold's summary: the heading stays in the page's outline
 * and names the section, and one tap on it opens what is below.
 */
export function foldedSection(
  section: { id: string; title: string; hint?: string; open: boolean; class?: string },
  ...body: Child[]
): HTMLElement {
  return h(
    'section',
    {
      class: section.class ? `block ${section.class}` : 'block',
      attrs: { 'aria-labelledby': section.id },
    },
    fold(
      [
        h('h2', { id: section.id }, section.title),
        section.hint ? h('span', { class: 'fold-hint' }, section.hint) : null,
      ],
      body,
      { open: section.open },
    ),
  );
}
