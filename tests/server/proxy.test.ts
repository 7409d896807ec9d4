import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { serveDuringSuite } from './harness.ts';

// Behind a load balancer every request reaches the server from the balancer's address.
// With TOW_TRUST_PROXY the client's own address (X-Forwarded-For) is what the network rate
// limit counts, so two offices behind one proxy have a limit each; without it they share
// one, and a client cannot dodge the limit by writing the header itself.

const LIMIT = 5;

/** An API request without a token (who is signed in), which only the network limit counts. */
async function apiFrom(base: string, forwardedFor: string): Promise<number> {
  const res = await fetch(`${base}/api/session`, { headers: { 'x-forwarded-for': forwardedFor } });
  await res.arrayBuffer();
  return res.status;
}

describe('TOW_TRUST_PROXY', () => {
  // the load balancer's address named, as docs/server.md recommends (here: loopback)
  const trusting = serveDuringSuite(() => openDatabase({}), {
    networkRateLimit: LIMIT,
    trustProxy: '127.0.0.1',
  });
  const plain = trusting.another({ networkRateLimit: LIMIT });

  it('gives two clients with different X-Forwarded-For a limit each when set', async () => {
    const first: number[] = [];
    for (let i = 0; i <= LIMIT; i++) first.push(await apiFrom(trusting.base, '203.0.113.1'));
    expect(first).toEqual([...Array(LIMIT).fill(200), 429]);
    // the same proxy, another office behind it: a fresh limit
    expect(await apiFrom(trusting.base, '203.0.113.2')).toBe(200);
    // the balancer appends the address it saw to whatever the client wrote: with the
    // balancer named, the last address is the client's, and a forged first one changes nothing
    expect(await apiFrom(trusting.base, '198.51.100.9, 203.0.113.1')).toBe(429);
  });

  it('counts every client as the one address it comes from when not set', async () => {
    const first: number[] = [];
    for (let i = 0; i < LIMIT; i++) first.push(await apiFrom(plain.base, '203.0.113.1'));
    expect(first).toEqual(Array(LIMIT).fill(200));
    expect(await apiFrom(plain.base, '203.0.113.2')).toBe(429);
  });

  it('reads the setting from the environment, refusing what it cannot mean', () => {
    expect(readEnv({}).TOW_TRUST_PROXY).toBe(false);
    expect(readEnv({ TOW_TRUST_PROXY: 'true' }).TOW_TRUST_PROXY).toBe(true);
    expect(() => readEnv({ TOW_TRUST_PROXY: '1' })).toThrow(/TOW_TRUST_PROXY/);
    expect(readEnv({ TOW_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TOW_TRUST_PROXY).toBe(
      '10.0.0.0/8,127.0.0.1',
    );
    expect(() => readEnv({ TOW_TRUST_PROXY: 'yes please' })).toThrow(/TOW_TRUST_PROXY/);
  });
});
