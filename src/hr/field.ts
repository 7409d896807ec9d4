import { h } from '../ui/dom.ts';

// One labelled control of HR's forms, with its hint below it: the hint is the control's
// description too, so a screen reader says it when the control takes the focus.

export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id;
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return h(
    'div',
    { class: 'field' },
    h('label', { attrs: { for: id } }, label),
    control,
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
  );
}
