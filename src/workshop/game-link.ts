import { type GameLink, linkUrl } from '../links/links.ts';
import { gameAddress } from '../links/public-url.ts';

// The game is index.html beside the facilitator's page, or at the site's public address;
// links to it carry their settings.

export function gameUrl(): string {
  return gameAddress(__TOW_PUBLIC_URL__, window.location.href);
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
