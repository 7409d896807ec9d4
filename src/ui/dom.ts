// The only way the UI builds elements. Text always goes in as text nodes, so nothing a
// scenario, a link or a player supplies can ever become markup.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  /** attributes set with setAttribute; values are text */
  attrs?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (e: HTMLElementEventMap[K]) => void }>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props?.class) el.className = props.class;
  if (props?.id) el.id = props.id;
  for (const [k, v] of Object.entries(props?.attrs ?? {})) el.setAttribute(k, v);
  for (const [type, fn] of Object.entries(props?.on ?? {})) {
    el.addEventListener(type, fn as EventListener);
  }
  append(el, ...children);
  return el;
}

// The page's one source of element ids for labels, hints and tips: ids only have to be
// unique within the document, and a counter here keeps every screen free of its own.
let lastId = 0;

/** A fresh id for an element, e.g. uniqueId('term-tip') → "term-tip-7". */
export function uniqueId(prefix: string): string {
  lastId += 1;
  return `${prefix}-${lastId}`;
}

export function append(el: Element, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(
      typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c,
    );
  }
}

export function button(
  label: Child | Child[],
  onClick: (click: MouseEvent) => void,
  options: { class?: string; attrs?: Record<string, string> } = {},
): HTMLButtonElement {
  return h(
    'button',
    {
      class: options.class ?? 'btn',
      attrs: { type: 'button', ...(options.attrs ?? {}) },
      on: { click: onClick },
    },
    ...(Array.isArray(label) ? label : [label]),
  );
}

/** A table's header row: one column header per label, scoped so screen readers pair cells with it. */
export function columnHeads(...labels: string[]): HTMLTableSectionElement {
  return h(
    'thead',
    null,
    h('tr', null, ...labels.map((t) => h('th', { attrs: { scope: 'col' } }, t))),
  );
}

/** A screen's main heading: focused when the screen opens, so keyboard and screen reader users start there. */
export function heading(level: 1 | 2 | 3, text: string, id?: string): HTMLHeadingElement {
  const el = h(`h${level}`, { attrs: { tabindex: '-1' }, ...(id ? { id } : {}) }, text);
  return el;
}

/** A status line's message, and a count beside it (see countingStatus). */
export interface CountingStatus {
  /** replaces the line with this message, announced, and an empty count */
  message(text: string): void;
  count(text: string): void;
}

/**
 * Writes into a live status line (role="status") for a long job: the message is announced,
 * and the count beside it is shown but kept from screen readers, which would otherwise read
 * out every change of "37 of 100 done…".
 */
export function countingStatus(status: HTMLElement): CountingStatus {
  const counted = h('span', { attrs: { 'aria-hidden': 'true' } });
  return {
    message(text) {
      counted.textContent = '';
      status.replaceChildren(text, counted);
    },
    count(text) {
      counted.textContent = text;
    },
  };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element (for small drawings such as the rope view's legend); attribute values are text. */
export function svg(
  tag: string,
  attrs: Record<string, string | number>,
  ...children: SVGElement[]
): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}
