import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/open.ts';
import { PASSWORDS, testAccounts } from './account-helpers.ts';
import { serveDuringSuite } from './harness.ts';

// Many addresses guessing one account's password: the per-address limit cannot see them,
// so wrong passwords are also counted per account name. Over the limit, the account is
// refused (even its right password) with the minutes to wait; other accounts are not
// touched; once the window has passed, or after a right password, it opens again. The
// server trusts X-Forwarded-For here, as behind a load balancer, so each request comes
// from the address it names.

const server = serveDuringSuite(
  () => openDatabase({}),
  async () => ({
    accounts: await testAccounts(),
    trustProxy: true,
    signInRate: 3,
    accountGuesses: { max: 5, minutes: 15 },
  }),
);

let lastAddress = 0;
/** a sign-in from an address no request has come from yet */
async function signInFromNewAddress(name: string, password: string) {
  lastAddress++;
  const res = await fetch(`${server.base}/api/session`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: new URL(server.base).origin,
      'x-forwarded-for': `198.51.100.${lastAddress}`,
    },
    body: JSON.stringify({ name, password }),
  });
  const body = (await res.json()) as { error?: string; message?: string };
  return { status: res.status, body, cookie: res.headers.get('set-cookie') };
}

describe('the sign-in limit per account', () => {
  it('refuses an account guessed from many addresses, even with its right password, saying how long to wait', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signInFromNewAddress('hana', `guess-${i}`)).status).toBe(401);
    const right = await signInFromNewAddress('hana', PASSWORDS.hana);
    expect(right.status).toBe(429);
    expect(right.body).toEqual({
      error: 'rate_limited',
      message: 'too many wrong passwords for this account: try again in 15 minutes',
    });
    expect(right.cookie).toBeNull();

    // another account signs in as ever
    expect((await signInFromNewAddress('fred', PASSWORDS.fred)).status).toBe(200);

    // a quarter of an hour later, the wrong passwords count no more
    await server.db.query(
      "UPDATE signin_failures SET at = at - interval '10 minutes' WHERE name = 'hana'",
    );
    const still = await signInFromNewAddress('hana', PASSWORDS.hana);
    expect(still.body.message).toBe(
      'too many wrong passwords for this account: try again in 5 minutes',
    );
    await server.db.query(
      "UPDATE signin_failures SET at = at - interval '6 minutes' WHERE name = 'hana'",
    );
    const later = await signInFromNewAddress('hana', PASSWORDS.hana);
    expect(later.status).toBe(200);
    expect(later.cookie).toMatch(/tow_session=/);
  });

  it('forgives wrong passwords once the right one is given', async () => {
    for (let i = 0; i < 4; i++)
      expect((await signInFromNewAddress('fiona', `typo-${i}`)).status).toBe(401);
    expect((await signInFromNewAddress('fiona', PASSWORDS.fiona)).status).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await signInFromNewAddress('fiona', `typo-again-${i}`)).status).toBe(401);
    expect((await signInFromNewAddress('fiona', PASSWORDS.fiona)).status).toBe(200);
  });

  it('counts names that are no account the same, so the refusal tells nothing of who exists', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signInFromNewAddress('nobody', `guess-${i}`)).status).toBe(401);
    const sixth = await signInFromNewAddress('nobody', 'guess-5');
    expect(sixth.status).toBe(429);
    expect(sixth.body.message).toMatch(/^too many wrong passwords for this account/);
  });

  it('says plainly when one address tries too often', async () => {
    const headers = {
      'content-type': 'application/json',
      origin: new URL(server.base).origin,
      'x-forwarded-for': '203.0.113.9',
    };
    const tries = [];
    for (let i = 0; i < 4; i++)
      tries.push(
        await fetch(`${server.base}/api/session`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ name: 'ada', password: `x-${i}` }),
        }),
      );
    const fourth = tries[3]!;
    expect(fourth.status).toBe(429);
    expect(await fourth.json()).toEqual({
      error: 'rate_limited',
      message: 'too many sign-in attempts from this address: try again in 1 minute',
    });
  });
});
