import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { createServer } from '../../src/api/app.js';
import { delaySeconds } from '../../src/lib/server/auth/throttle.js';
import { authThrottle } from '../../src/lib/server/db/schema/index.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createUser, login, TEST_PASSWORD } from '../helpers/fixtures.js';

// Behind a proxy, as in production: the client's address comes from X-Forwarded-For.
let ctx: TestContext;
let app: FastifyInstance;
beforeAll(async () => {
  ctx = await createTestServices({ TRUST_PROXY: 'true' });
  app = await createServer(ctx.services);
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

const attempt = (email: string, password: string, ip: string, cookies: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    headers: { 'x-forwarded-for': ip },
    remoteAddress: '10.0.0.1',
    cookies,
  });

/** Moves every waiting period into the past, as if the person had waited (no clock in the test). */
const letTimePass = (seconds: number) =>
  ctx.services.db
    .update(authThrottle)
    .set({ lastFailureAt: sql`${authThrottle.lastFailureAt} - make_interval(secs => ${seconds})` });

const deviceCookie = (res: { cookies: Array<{ name: string; value: string }> }) =>
  res.cookies.find((c) => c.name === 'device')?.value;

describe('sign-in throttling slows the attacker, never the owner', () => {
  it('12 failures from one address, then the right password from another address → 200 at once', async () => {
    const user = await createUser(ctx.services, { role: 'admin' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await attempt(user.email, 'wrong password here', '198.51.100.7')).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    // The failing address itself is slowed down after 5 failures on the account…
    expect(statuses[5]).toBe(429);
    const slowed = await attempt(user.email, TEST_PASSWORD, '198.51.100.7');
    expect(slowed.statusCode).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    // …the owner, elsewhere, is not.
    expect((await attempt(user.email, TEST_PASSWORD, '203.0.113.9')).statusCode).toBe(200);
  });

  it('a wrong guess every 15 minutes, for ever, never keeps the owner out (the reported lock-out)', async () => {
    const user = await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] });
    for (let round = 0; round < 12; round++) {
      const guess = await attempt(user.email, `guess number ${round} guess`, `192.0.2.${10 + (round % 3)}`);
      expect([401, 429]).toContain(guess.statusCode);
      await letTimePass(15 * 60);
    }
    expect((await attempt(user.email, TEST_PASSWORD, '203.0.113.50')).statusCode).toBe(200);
  });

  it('guesses spread over many addresses slow each guessing address, not a new one', async () => {
    const user = await createUser(ctx.services, { role: 'french_authority' });
    for (let i = 0; i < 15; i++)
      expect((await attempt(user.email, 'spread guess here', `198.18.0.${i}`)).statusCode).toBe(401);
    // Each of those addresses has failed on the account: the account-wide count now slows them.
    const again = await attempt(user.email, TEST_PASSWORD, '198.18.0.3');
    expect(again.statusCode).toBe(429);
    expect((await attempt(user.email, TEST_PASSWORD, '198.18.1.1')).statusCode).toBe(200);
  });

  it('the device cookie of an earlier sign-in lets the owner in even from the attacker’s address', async () => {
    const user = await createUser(ctx.services, { role: 'foreign_authority' });
    const first = await attempt(user.email, TEST_PASSWORD, '192.0.2.200');
    expect(first.statusCode).toBe(200);
    const device = deviceCookie(first);
    expect(device).toMatch(/^[\w-]{22}\.[\w-]{43}$/);
    expect(first.cookies.find((c) => c.name === 'device')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
    });
    // An attacker behind the same address (an office NAT) fails on this account and on 20 others: the address
    // and the (account, address) pair are slowed down.
    for (let i = 0; i < 5; i++) await attempt(user.email, 'office guess here', '192.0.2.200');
    for (let i = 0; i < 20; i++) await attempt(`colleague${i}@example.org`, 'office guess here', '192.0.2.200');
    // …and kept at it (30 more failures each, the last one just now), so the waits are long whatever the machine's pace.
    await ctx.services.db
      .update(authThrottle)
      .set({ failures: sql`${authThrottle.failures} + 30`, lastFailureAt: sql`now()` })
      .where(sql`${authThrottle.key} like '%ip:192.0.2.200'`);
    expect((await attempt(user.email, TEST_PASSWORD, '192.0.2.200')).statusCode).toBe(429);
    // The owner's browser, with its device cookie, from that very address: in.
    expect((await attempt(user.email, TEST_PASSWORD, '192.0.2.200', { device: device! })).statusCode).toBe(200);
    // A device cookie is bound to its account: another account's, or a forged one, counts for nothing.
    const other = await createUser(ctx.services, { role: 'foreign_authority' });
    expect((await attempt(other.email, TEST_PASSWORD, '192.0.2.200', { device: device! })).statusCode).toBe(429);
    expect(
      (await attempt(user.email, TEST_PASSWORD, '192.0.2.200', { device: `${'A'.repeat(22)}.${'B'.repeat(43)}` }))
        .statusCode,
    ).toBe(429);
  });

  it('an address failing over 20 times, whichever accounts, is slowed; another address is not', async () => {
    for (let i = 0; i < 20; i++)
      expect((await attempt(`nobody${i}@example.org`, 'guess guess guess', '192.0.2.77')).statusCode).toBe(401);
    const user = await createUser(ctx.services, { role: 'foreign_authority' });
    const res = await attempt(user.email, TEST_PASSWORD, '192.0.2.77');
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await attempt(user.email, TEST_PASSWORD, '192.0.2.78')).statusCode).toBe(200);
  });

  it('delays grow and are capped at 15 minutes; a quiet day forgets', async () => {
    expect(delaySeconds('accountClient', 4)).toBe(0);
    expect(delaySeconds('accountClient', 6)).toBeGreaterThan(delaySeconds('accountClient', 5));
    expect(delaySeconds('accountClient', 500)).toBe(900);
    const user = await createUser(ctx.services, { role: 'french_authority' });
    for (let i = 0; i < 6; i++) await attempt(user.email, 'wrong password here', '198.51.100.99');
    expect((await attempt(user.email, TEST_PASSWORD, '198.51.100.99')).statusCode).toBe(429);
    await letTimePass(3600);
    expect((await attempt(user.email, TEST_PASSWORD, '198.51.100.99')).statusCode).toBe(200);
  });

  it('staff see who is being slowed down; nobody else does', async () => {
    const admin = await createUser(ctx.services, { role: 'admin' });
    const victim = await createUser(ctx.services, { role: 'french_authority' });
    for (let i = 0; i < 7; i++) await attempt(victim.email, 'wrong password here', '198.51.100.123');
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/sign-in-throttling',
      headers: await login(app, admin.email),
    });
    expect(res.statusCode).toBe(200);
    const events = res.json().events as Array<{
      scope: string;
      account: string | null;
      client: string | null;
      failures: number;
      slowedUntil: string | null;
    }>;
    const mine = events.find(
      (e) =>
        e.scope === 'accountClient' && e.account === victim.email.toLowerCase() && e.client === 'ip:198.51.100.123',
    );
    expect(mine!.failures).toBeGreaterThanOrEqual(5);
    expect(mine!.slowedUntil).not.toBeNull();
    const correspondent = await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] });
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/admin/sign-in-throttling',
          headers: await login(app, correspondent.email),
        })
      ).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/sign-in-throttling' })).statusCode).toBe(401);
  });
});
