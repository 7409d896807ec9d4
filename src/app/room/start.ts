import type { GameStore } from '../../store/game-store.ts';

// Live rooms on the game page, only when the page is served by the room server: the probe
// decides, and a static host (or no network) leaves the game exactly as it was. The room
// code and zod load only here, after zod is told to stay jitless (the page's CSP forbids eval).

const CODE_PARAM = 'room';

export async function startRooms(store: GameStore, search: string): Promise<void> {
  const code = new URLSearchParams(search).get(CODE_PARAM)?.trim().toUpperCase() || null;
  const { config } = await import('zod');
  config({ jitless: true });
  const { probeRoomServer } = await import('./api.ts');
  const present = await probeRoomServer();
  store.getState().setRoomServer(present);
  if (!present) {
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
  const { openRoomFromUrl, startRoomClient } = await import('./client.ts');
  startRoomClient(store);
  if (code) openRoomFromUrl(store, code);
}
