import { type KeySet, parseKeySet } from '../record/signed.ts';

// The keys signed results are checked against on HR's verify page: a key file HR saved
// from the server (/.well-known/jwks.json), or, when this page is served by the game's
// server, that server's own keys. A static copy of the page asks no server for anything.

/** The key set a file holds; null when the file is no key file at all (a result, a links file). */
export function keysInFile(text: string): KeySet | { error: string } | null {
  if (!/^\uFEFF?\s*\{\s*"keys"\s*:/.test(text)) return null;
  try {
    return parseKeySet(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch {
    return { error: 'a key file that is not valid JSON' };
  }
}

let fromServer: Promise<KeySet | null> | null = null;

/** The serving room server's public keys, asked once; null on a static host or offline. */
export function serverKeys(): Promise<KeySet | null> {
  fromServer ??= (async () => {
    // zod is told to stay jitless before its first check: the page's CSP forbids eval
    // (and the protocol's schemas load only after that, here)
    const { config } = await import('zod');
    config({ jitless: true });
    const { apiUrl, probeRoomServer, roomFetch } = await import('../room/http.ts');
    if (!(await probeRoomServer())) return null;
    try {
      const res = await roomFetch(apiUrl('.well-known/jwks.json'));
      const parsed = parseKeySet(await res.json());
      return 'error' in parsed ? null : parsed;
    } catch {
      return null;
    }
  })();
  return fromServer;
}
