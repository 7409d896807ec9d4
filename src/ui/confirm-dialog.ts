import './dialogs.css';
import { button, type Child, h, uniqueId } from './dom.ts';
import { trapFocus } from './trap-focus.ts';

// A question asked in the page before something that cannot be undone (a learning platform
// removed, a deployment taken off): a modal dialog in the page's own look rather than the
// browser's confirm(), so it can say in full what will stop working, and it reads the same
// to a screen reader as the rest of the page. The keyboard stays inside it; Escape, a click
// on the backdrop and "Keep it" all answer no. Focus starts on the answer that changes
// nothing, and goes back where the caller says once it closes.

export interface ConfirmQuestion {
  /** the question, as the dialog's heading: "Remove the platform Moodle?" */
  title: string;
  /** what follows if the answer is yes, a paragraph or list item each (text only) */
  consequences: Child[];
  /** the button that does it: "Remove the platform" */
  yes: string;
  /** the button that leaves everything as it is */
  no?: string;
}

/** Asks `question` in a modal dialog; resolves true only when its yes button is pressed. */
export function askToConfirm(
  question: ConfirmQuestion,
  /** where focus goes back when the dialog closes (if it is still on the page) */
  returnTo: () => HTMLElement | null,
): Promise<boolean> {
  const titleId = uniqueId('confirm-title');
  const bodyId = uniqueId('confirm-body');
  let answer = false;
  const dialog = h('dialog', {
    class: 'confirm',
    attrs: { 'aria-labelledby': titleId, 'aria-describedby': bodyId },
  });
  const no = button(question.no ?? 'Keep it', () => dialog.close(), { class: 'btn' });
  const yes = button(
    question.yes,
    () => {
      answer = true;
      dialog.close();
    },
    { class: 'btn btn-danger' },
  );
  dialog.append(
    h('h2', { id: titleId }, question.title),
    h('div', { id: bodyId, class: 'confirm-body' }, ...question.consequences),
    h('div', { class: 'confirm-actions' }, no, yes),
  );
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  document.body.append(dialog);
  const open = trapFocus(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      const back = returnTo();
      if (back?.isConnected) back.focus();
      resolve(answer);
    });
    open();
    // the safe answer first: Enter pressed by habit keeps everything
    no.focus();
  });
}
