import { describe, expect, it } from 'vitest';
import { FakeStorage } from '../save/fake-storage.ts';
import { makeStore } from './helpers.ts';

// The player's settings (the motion switch, the name a workshop's result carries) live in
// the store and are kept on this device, so the next page (or the next game) has them.

const SETTINGS = 'tow.settings.v1';

describe('settings', () => {
  it('keep the motion switch and the player’s name for the next page', () => {
    const raw = new FakeStorage();
    const store = makeStore(raw);
    expect(store.getState().settings).toEqual({ reducedMotion: null, playerName: '' });
    store.getState().setReducedMotion(true);
    store.getState().setPlayerName('Ana Pereira');
    expect(JSON.parse(raw.getItem(SETTINGS)!)).toEqual({
      reducedMotion: true,
      playerName: 'Ana Pereira',
    });
    // a reload: a new store over the same storage
    expect(makeStore(raw).getState().settings).toEqual({
      reducedMotion: true,
      playerName: 'Ana Pereira',
    });
  });

  it('cut a name to the length a result may carry', () => {
    const store = makeStore();
    store.getState().setPlayerName('x'.repeat(200));
    expect(store.getState().settings.playerName).toHaveLength(60);
  });

  it('offer the name kept under its old key before it joined the settings', () => {
    const raw = new FakeStorage();
    raw.setItem('tow.player-name.v1', 'Bruno');
    expect(makeStore(raw).getState().settings.playerName).toBe('Bruno');
    raw.setItem(SETTINGS, JSON.stringify({ reducedMotion: false, playerName: 'Carla' }));
    expect(makeStore(raw).getState().settings).toEqual({
      reducedMotion: false,
      playerName: 'Carla',
    });
  });

  it('read damaged settings as the defaults', () => {
    const raw = new FakeStorage();
    raw.setItem(SETTINGS, '{not json');
    expect(makeStore(raw).getState().settings).toEqual({ reducedMotion: null, playerName: '' });
  });

  it('stay in the game when storage refuses them', () => {
    const raw = new FakeStorage();
    const store = makeStore(raw);
    raw.failWrites = 'quota';
    store.getState().setPlayerName('Dana');
    expect(store.getState().settings.playerName).toBe('Dana');
    expect(raw.getItem(SETTINGS)).toBeNull();
  });
});
