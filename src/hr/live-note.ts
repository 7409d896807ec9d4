import { shownTime } from '../lib/when.ts';
import { h } from '../ui/dom.ts';
import type { Connection } from './cohort-follow.ts';
import { POLL_MS } from './cohort-follow.ts';

// Whether HR's cohort is live, and as of when: the state in a polite live region (said
// once when it changes), the time of the last update beside it (not announced, since it
// changes with every move of the cohort). The time is the server's, from its messages.

export interface LiveNote {
  element: HTMLElement;
  connection(state: Connection): void;
  updated(serverTime: string): void;
}

const WORDS: Record<Connection['kind'], string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  refused: 'Not shown',
};

export function liveNote(): LiveNote {
  const state = h('span', { class: 'live-state', attrs: { role: 'status' } }, WORDS.connecting);
  const when = h('span', { class: 'live-when' });
  const detail = h('span', { class: 'live-detail' });
  const element = h(
    'p',
    { class: 'live-note', attrs: { 'data-state': 'connecting' } },
    state,
    when,
    detail,
  );
  return {
    element,
    connection(c) {
      element.dataset.state = c.kind;
      state.textContent = WORDS[c.kind];
      detail.textContent =
        c.kind === 'offline'
          ? `The server cannot be reached live: the page reads the cohort again every ${POLL_MS / 1000} seconds and goes live when it can.`
          : c.kind === 'refused'
            ? c.message
            : c.kind === 'reconnecting'
              ? 'The connection dropped; trying again.'
              : '';
    },
    updated(serverTime) {
      when.textContent = ` · last update ${shownTime(serverTime)}`;
    },
  };
}
