import type { GameStore } from '../../store/game-store.ts';

// Live rooms on the game page, only when the page is served by the room server: the probe
// decides, and a static host (or no network) leaves the game exactly as it was. The room
// code and zod load only here, after zod is told to stay jitless (the page's CSP forbids eval).

const CODE_PARAM = 'room';
/** an assessed attempt's personal link: `?assess=ID&t=TOKEN` (src/app/assess/client.ts) */
const ASSESS_PARAM = 'assess';
const TOKEN_PARAM = 't';
/** present when the trainee asked for their next attempt */
const NEW_PARAM = 'new';

/**
 * Whether the page's address opens a live room or an assessed attempt (as `startRooms`
 * reads it): pages the room server plays, which this device cannot play offline.
 */
export function opensServerGame(search: string): boolean {
  const params = new URLSearchParams(search);
  return [CODE_PARAM, ASSESS_PARAM].some((name) => Boolean(params.get(name)?.trim()));
}

/**
 * An assessed attempt's link opens its session before the page is first drawn, so the
 * trainee never sees the title screen's practice markets while the server is looked for.
 */
export function openAssessedLink(store: GameStore, search: string): void {
  const assess = new URLSearchParams(search).get(ASSESS_PARAM)?.trim();
  if (assess) store.getState().openAssessment(assess);
}

export async function startRooms(store: GameStore, search: string): Promise<void> {
  const params = new URLSearchParams(search);
  const code = params.get(CODE_PARAM)?.trim().toUpperCase() || null;
  const assess = params.get(ASSESS_PARAM)?.trim() || null;
  const { config } = await import('zod');
  config({ jitless: true });
  const { probeRoomServer } = await import('./api.ts');
  const present = await probeRoomServer();
  store.getState().setRoomServer(present);
  if (!present) {
    if (assess) {
      store.getState().openAssessment(assess);
      store
        .getState()
        .roomGone(
          "This assessment is run by the game's server, and this copy of the game is not served by it (or it cannot be reached). Open the link HR sent you, or try again later.",
        );
      return;
    }
    if (code) {
      store.getState().openRoom(code, null);
      store
        .getState()
        .roomGone(
          'Live rooms need the room server, and this copy of the game is not served by one (or it cannot be reached). Open the link your facilitator gave you, or play a practice market meanwhile.',
        );
    }
    return;
  }
  if (assess) {
    const { startAssessment } = await import('../assess/client.ts');
    await startAssessment(store, assess, params.get(TOKEN_PARAM) ?? '', params.has(NEW_PARAM));
    return;
  }
  const { openRoomFromUrl, startRoomClient } = await import('./client.ts');
  startRoomClient(store);
  if (code) openRoomFromUrl(store, code);
}
