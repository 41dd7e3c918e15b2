import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/api/app.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createUser, TEST_PASSWORD } from '../helpers/fixtures.js';

const ORIGIN = 'https://bourse.example.org';
let ctx: TestContext;
let app: FastifyInstance;
beforeAll(async () => {
  ctx = await createTestServices({ ORIGIN, AUTH_RATE_LIMIT: '5', SEARCH_RATE_LIMIT: '3' });
  app = await createServer(ctx.services);
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

async function cookieSession(ip: string) {
  const user = await createUser(ctx.services, { role: 'french_authority' });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: user.email, password: TEST_PASSWORD },
    remoteAddress: ip,
  });
  expect(res.statusCode).toBe(200);
  return { token: res.json().token as string };
}

describe('CSRF on the JSON API', () => {
  it('refuses a cookie-authenticated request from another site with 403 problem+json', async () => {
    const { token } = await cookieSession('10.0.0.1');
    for (const headers of [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site', origin: ORIGIN },
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout-all',
        cookies: { session: token },
        headers,
        remoteAddress: '10.0.0.1',
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // The session survived every attempt.
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', cookies: { session: token } })).statusCode).toBe(200);
  });

  it('accepts our own origin, non-browser clients and bearer tokens from anywhere; never checks GET', async () => {
    const { token } = await cookieSession('10.0.0.2');
    const same = await app.inject({
      method: 'DELETE',
      url: '/api/v1/account/sessions',
      cookies: { session: token },
      headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
    });
    expect(same.statusCode).toBe(204);
    const bearer = await app.inject({
      method: 'DELETE',
      url: '/api/v1/account/sessions',
      headers: { authorization: `Bearer ${token}`, origin: 'https://client.example' },
    });
    expect(bearer.statusCode).toBe(204);
    const noOrigin = await app.inject({
      method: 'DELETE',
      url: '/api/v1/account/sessions',
      cookies: { session: token },
    });
    expect(noOrigin.statusCode).toBe(204);
    const get = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { session: token },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(get.statusCode).toBe(200);
  });
});

describe('rate limits', () => {
  it('limits authentication routes per IP with a 429 problem and Retry-After', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 6; i++) {
      last = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        payload: { email: 'someone@example.org' },
        remoteAddress: '10.9.9.9',
      });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expect(last!.headers['content-type']).toContain('application/problem+json');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset',
          payload: { email: 'someone@example.org' },
          remoteAddress: '10.9.9.10',
        })
      ).statusCode,
    ).toBe(202);
  });

  it('sorts API requests into their buckets (account pages are limited by their own actions)', async () => {
    const { limitedBucket } = await import('../../src/api/plugins/rate-limit.js');
    expect(limitedBucket('POST', '/api/v1/auth/login')).toBe('auth');
    expect(limitedBucket('GET', '/api/v1/auth/me')).toBeNull();
    expect(limitedBucket('POST', '/connexion')).toBeNull();
    expect(limitedBucket('POST', '/mes-demandes/nouvelle')).toBeNull();
    expect(limitedBucket('GET', '/api/v1/search')).toBe('search');
  });

  it('two app instances share one limit instead of doubling it', async () => {
    const other = await createServer(ctx.services);
    try {
      const statuses: number[] = [];
      for (const instance of [app, other, app, other])
        statuses.push(
          (await instance.inject({ method: 'GET', url: '/api/v1/search?q=eau', remoteAddress: '10.8.8.9' })).statusCode,
        );
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await other.close();
    }
  });

  it('limits search per IP', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await app.inject({ method: 'GET', url: '/api/v1/search?q=eau', remoteAddress: '10.8.8.8' })).statusCode,
      );
    expect(statuses[3]).toBe(429);
    expect(statuses.slice(0, 3)).not.toContain(429);
  });
});

describe('security headers', () => {
  it('puts helmet headers on API answers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBeDefined();
  });
});
