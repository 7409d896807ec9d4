import './dialogs.css';
import { button, h } from './dom.ts';
import { TERMS } from './terms.ts';
import { trapFocus } from './trap-focus.ts';

// The glossary: every figure and word the game's screens use, defined in one list. It
// opens over whatever screen is showing (a modal dialog: the keyboard stays inside it,
// Escape closes it) and leaves the game where it was; on closing, focus goes back to what
// opened it: its button, or Help's link to it.

export interface Glossary {
  open: HTMLButtonElement;
  dialog: HTMLDialogElement;
  /** opens the glossary; focus returns to `returnTo` (the Glossary button by default) on closing */
  show(returnTo?: HTMLElement): void;
}

export function glossaryControl(openClass = 'topbar-link'): Glossary {
  const entries = Object.entries(TERMS).sort((a, b) => a[1].term.localeCompare(b[1].term));
  const close = button('Close', () => dialog.close(), { class: 'btn btn-small' });
  const dialog = h(
    'dialog',
    { class: 'glossary', attrs: { 'aria-labelledby': 'glossary-h' } },
    h('div', { class: 'glossary-head' }, h('h2', { id: 'glossary-h' }, 'Glossary'), close),
    h(
      'p',
      { class: 'muted' },
      'Every figure and word the game uses. On any screen, a dotted word shows its meaning when you point at it, tab to it or tap it.',
    ),
    h(
      'dl',
      { class: 'glossary-list' },
      ...entries.flatMap(([key, t]) => [
        h('dt', { attrs: { 'data-term': key } }, t.term),
        h('dd', null, t.definition),
      ]),
    ),
  );
  const showModal = trapFocus(dialog);
  let returnTo: HTMLElement | null = null;
  // a click on the backdrop (outside the dialog's box) closes it too
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => (returnTo ?? open).focus());
  const show = (to?: HTMLElement) => {
    returnTo = to ?? null;
    showModal();
  };
  const open = button('Glossary', () => show(), {
    class: openClass,
    attrs: { 'aria-haspopup': 'dialog' },
  });
  return { open, dialog, show };
}
