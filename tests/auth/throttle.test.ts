import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { createServer } from '../../src/api/app.js';
import { delaySeconds } from '../../src/lib/server/auth/throttle.js';
import { authThrottle } from '../../src/lib/server/db/schema/index.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createUser, TEST_PASSWORD } from '../helpers/fixtures.js';

let ctx: TestContext;
let app: FastifyInstance;
beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

const attempt = (email: string, password: string, ip = '192.0.2.1') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

/** Moves every waiting period into the past, as if the person had waited (no clock in the test). */
const letTimePass = (seconds: number) =>
  ctx.services.db.update(authThrottle).set({ lastFailureAt: sql`${authThrottle.lastFailureAt} - make_interval(secs => ${seconds})` });

describe('login throttling', () => {
  it('slows an account down after 5 failures with growing delays, and never locks it for good', async () => {
    const user = await createUser(ctx.services, { role: 'french_authority' });
    for (let i = 0; i < 5; i++) expect((await attempt(user.email, 'wrong password here', `198.51.100.${i}`)).statusCode).toBe(401);
    // From another IP, with the right password: the account itself is slowed down.
    const slowed = await attempt(user.email, TEST_PASSWORD, '203.0.113.9');
    expect(slowed.statusCode).toBe(429);
    expect(slowed.headers['content-type']).toContain('application/problem+json');
    expect(Number(slowed.headers['retry-after'])).toBe(delaySeconds('account', 5));

    await letTimePass(delaySeconds('account', 5));
    expect((await attempt(user.email, 'wrong again and again', '203.0.113.9')).statusCode).toBe(401);
    const longer = await attempt(user.email, TEST_PASSWORD, '203.0.113.9');
    expect(longer.statusCode).toBe(429);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThan(Number(slowed.headers['retry-after']));

    await letTimePass(3600);
    expect((await attempt(user.email, TEST_PASSWORD, '203.0.113.9')).statusCode).toBe(200);
    // Success clears the account's counter.
    expect((await attempt(user.email, 'one more mistake', '203.0.113.9')).statusCode).toBe(401);
  });

  it('slows an IP down after 20 failures, whichever accounts it tries', async () => {
    for (let i = 0; i < 20; i++) expect((await attempt(`nobody${i}@example.org`, 'guess guess guess', '192.0.2.77')).statusCode).toBe(401);
    const user = await createUser(ctx.services, { role: 'foreign_authority' });
    const res = await attempt(user.email, TEST_PASSWORD, '192.0.2.77');
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(user.email, TEST_PASSWORD, '192.0.2.78')).statusCode).toBe(200);
  });

  it('delays grow and are capped at 15 minutes', () => {
    expect(delaySeconds('account', 4)).toBe(0);
    expect(delaySeconds('account', 6)).toBeGreaterThan(delaySeconds('account', 5));
    expect(delaySeconds('account', 500)).toBe(900);
  });
});
