// The page's address follows the live room the trainee is in: `?room=CODE` once they have
// joined, however they joined (the link, or the code typed on the title), so a reload or a
// phone that dropped the tab comes back to the same seat. Leaving the room takes it off.

const PARAM = 'room';

/** `href` with `?room=` set to `code`, or taken off when `code` is null; other parameters stay. */
export function withRoom(href: string, code: string | null): string {
  const url = new URL(href);
  if (code === null) url.searchParams.delete(PARAM);
  else url.searchParams.set(PARAM, code);
  return url.href;
}

export function showRoomInAddress(code: string | null): void {
  const next = withRoom(location.href, code);
  if (next !== location.href) history.replaceState(history.state, '', next);
}
