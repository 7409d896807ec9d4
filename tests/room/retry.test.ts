import { describe, expect, it } from 'vitest';
import { RoomApiError } from '../../src/room/http.ts';
import { retryAfter } from '../../src/room/retry.ts';

// What the game page's two clients of the server do with a refused request: wait and send
// it again (a lost connection, a server asking to slow down), or give the refusal up.

describe('retryAfter', () => {
  it('waits the seconds the server asked for, and says so', () => {
    const busy = new RoomApiError(
      'too many requests from this browser: try again in 12 seconds',
      'rate_limited',
      [],
      12,
    );
    const retry = retryAfter(busy, 0);
    expect(retry?.because).toBe('too many requests: trying again in 12 s');
    expect(retry!.ms).toBeGreaterThanOrEqual(12_000);
    expect(retry!.ms).toBeLessThan(13_000);
  });

  it('waits the limits’ whole minute when the server gave no Retry-After', () => {
    const retry = retryAfter(new RoomApiError('too many requests', 'rate_limited'), 3);
    expect(retry?.because).toBe('too many requests: trying again in 60 s');
    expect(retry!.ms).toBeGreaterThanOrEqual(60_000);
  });

  it('waits a growing backoff for a lost connection, which says itself', () => {
    const offline = new RoomApiError('The room server cannot be reached.', 'offline');
    const first = retryAfter(offline, 0);
    expect(first?.because).toBeNull();
    expect(first!.ms).toBeLessThanOrEqual(500);
    expect(retryAfter(offline, 10)!.ms).toBeGreaterThanOrEqual(5_000);
  });

  it('gives up on every other refusal, so it is shown in the server’s words', () => {
    for (const code of ['out_of_order', 'not_offered', 'game_over', 'past_due', 'malformed'])
      expect(retryAfter(new RoomApiError('no', code), 0)).toBeNull();
    expect(retryAfter(new Error('a bug'), 0)).toBeNull();
  });
});
