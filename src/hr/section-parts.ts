import { asSentence, RoomApiError } from '../room/http.ts';
import { h } from '../ui/dom.ts';

// What the sections of HR's page that speak to the game's server (server-view.ts,
// platforms-view.ts) build alike: the field a secret is typed in, the status line that
// says what came of each request, and the sentence a failed request is said with.

/** A secret typed on the page: hidden, and neither remembered nor spell-checked. */
export const secretInput = (id: string): HTMLInputElement =>
  h('input', { id, attrs: { type: 'password', autocomplete: 'off', spellcheck: 'false' } });

/** The section's status line, read out politely as it changes. */
export const statusLine = (id: string): HTMLParagraphElement =>
  h('p', { class: 'status', id, attrs: { role: 'status', 'aria-live': 'polite' } });

/**
 * Why a request failed, as a sentence: the server's own refusal, or, when the server could
 * not be reached, that the page keeps what was typed so the same press can try again.
 */
export function failureSentence(err: unknown): string {
  if (err instanceof RoomApiError && err.code === 'offline')
    return "The game's server cannot be reached: check the connection, then try again (nothing you typed is lost).";
  return asSentence(err instanceof Error ? err.message : String(err));
}
