import { createFocusTrap } from 'focus-trap';

// A modal dialog keeps the keyboard inside it. The browser makes the page behind a modal
// <dialog> inert, but Tab from its last control still leaves it for the browser's own
// controls; focus-trap (as the live room's slides use) wraps Tab round inside the dialog.
// The dialog itself closes on Escape and gives focus back where its caller says.

/** A function that opens the dialog as a modal with the keyboard kept inside it. */
export function trapFocus(dialog: HTMLDialogElement): () => void {
  const trap = createFocusTrap(dialog, {
    escapeDeactivates: false,
    returnFocusOnDeactivate: false,
    allowOutsideClick: true,
    fallbackFocus: dialog,
  });
  dialog.addEventListener('close', () => trap.deactivate());
  return () => {
    dialog.showModal();
    trap.activate();
  };
}
