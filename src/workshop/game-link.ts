import { type GameLink, linkUrl } from '../links/links.ts';

// The game is index.html beside the facilitator's page; links to it carry their settings.

export function gameUrl(): string {
  return new URL('./index.html', window.location.href).toString();
}

export function gameLink(link: GameLink): string {
  return linkUrl(gameUrl(), link);
}

/** A short random id for a session: enough that two rooms never collide. */
export function randomId(length = 6): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

export function randomSeed(): string {
  return String(1000 + (crypto.getRandomValues(new Uint32Array(1))[0]! % 9000));
}
