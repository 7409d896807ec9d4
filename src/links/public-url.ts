// The address links point at. By default the game beside the page that makes them, which
// is wrong whenever that page is opened somewhere trainees cannot reach (127.0.0.1, an
// intranet name); a build for a host sets TOW_PUBLIC_URL (docs/hosting.md) instead.

/** What is wrong with a TOW_PUBLIC_URL value, or null when it will do. */
export function publicUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `is not an address: "${value}" (expected e.g. https://training.example.com/tug-of-war/)`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `must start with https:// or http:// (it is "${value}")`;
  if (url.search || url.hash)
    return `must be the site's folder, without "?" or "#" (it is "${value}")`;
  return null;
}

/** The game page links open: under the public address when there is one, else beside `pageHref`. */
export function gameAddress(publicUrl: string, pageHref: string): string {
  if (!publicUrl) return new URL('./index.html', pageHref).toString();
  if (/\.html$/.test(new URL(publicUrl).pathname)) return publicUrl;
  return new URL('index.html', publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).toString();
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

/** A warning for links only this computer can open (the page was opened on a loopback address). */
export function localOnlyNote(gameUrl: string, many = true): string | null {
  const { hostname } = new URL(gameUrl);
  if (!LOOPBACK.test(hostname)) return null;
  const links = many ? 'These links point' : 'This link points';
  return `${links} at ${hostname}, which opens only on this computer: trainees cannot open ${many ? 'them' : 'it'}. Open this page from the site's public address, or have the site built with TOW_PUBLIC_URL (docs/hosting.md).`;
}
