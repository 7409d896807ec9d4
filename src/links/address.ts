// Where in an address a game link travels. New links carry their settings in the fragment
// (#w=…, #a=…): browsers never send it to the server, so a facilitator's own scenario
// (5–20 KB) meets no server's limit on request lines, and no log or referrer holds it.
// Links made before that carry them in the query (?w=…, ?a=…) and keep working.

const LINK_KEYS = ['w', 'a'];

/** The parameters (without "?" or "#") that hold this address's link, or its query. */
export function linkParams(address: { search: string; hash: string }): string {
  const hash = address.hash.replace(/^#/, '');
  const inHash = new URLSearchParams(hash);
  return LINK_KEYS.some((k) => inHash.has(k)) ? hash : address.search.replace(/^\?/, '');
}

/** linkParams of text someone pasted: a whole address, or just its "?…" or "#…" part. */
export function pastedLinkParams(text: string): string {
  try {
    return linkParams(new URL(text));
  } catch {
    return text.startsWith('#') ? linkParams({ search: '', hash: text }) : text;
  }
}
