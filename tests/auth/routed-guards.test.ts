import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { createServer } from '../../src/api/app.js';
import { users } from '../../src/lib/server/db/schema/index.js';
import { normalisedPath } from '../../src/lib/server/http/routed-path.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, createUser, TEST_PASSWORD } from '../helpers/fixtures.js';

/**
 * Guards decide on the path the router runs, not on the raw URL: each guarded route is sent again with its path
 * percent-encoded, with doubled slashes, in other letter cases. Each variant is either refused by the guard or not
 * routed at all (404): never served past the guard.
 */
const ORIGIN = 'https://bourse.example.org';
let ctx: TestContext;
let app: FastifyInstance;
beforeAll(async () => {
  ctx = await createTestServices({ ORIGIN, AUTH_RATE_LIMIT: '3', SEARCH_RATE_LIMIT: '3' });
  app = await createServer(ctx.services);
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

/** `/api/v1/auth/logout-all` → the same path written as a hostile client would. */
function variants(path: string): string[] {
  const [first, ...rest] = path.slice(1).split('/');
  const encodeFirstLetter = (segment: string) => `%${segment.charCodeAt(0).toString(16)}${segment.slice(1)}`;
  const segments = path.slice(1).split('/');
  const out = new Set<string>([
    `/${encodeFirstLetter(first!)}/${rest.join('/')}`,
    `/${encodeFirstLetter(first!).toUpperCase()}/${rest.join('/')}`,
    `/${first}/${rest.slice(0, -1).join('/')}/${encodeFirstLetter(rest.at(-1)!)}`,
    `/%25${first!.charCodeAt(0).toString(16)}${first!.slice(1)}/${rest.join('/')}`,
    `/${segments.join('%2F')}`,
    `/${segments.join('%2f')}`,
    `//${segments.join('/')}`,
    `/${segments.join('//')}`,
    `/${segments.join('/')}/`,
    `/${segments.join('/').toUpperCase()}`,
    `/${first!.toUpperCase()}/${rest.join('/')}`,
    `/${segments.join('/')}%00`,
    `/${first}/./${rest.join('/')}`,
    `/${first}/x/../${rest.join('/')}`,
    `/${first}/%2e/${rest.join('/')}`,
    `/${segments.join('\\')}`,
  ]);
  return [...out];
}

async function signIn(email: string, ip: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: TEST_PASSWORD },
    remoteAddress: ip,
  });
  expect(res.statusCode).toBe(200);
  return res.json().token as string;
}

const crossSite = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };

describe('cross-site check on the routed path', () => {
  it('refuses a cross-site logout-all however its path is written, and the session survives', async () => {
    const user = await createUser(ctx.services, { role: 'french_authority' });
    const token = await signIn(user.email, '10.1.0.1');
    for (const url of variants('/api/v1/auth/logout-all')) {
      const res = await app.inject({
        method: 'POST',
        url,
        cookies: { session: token },
        headers: crossSite,
        remoteAddress: '10.1.0.2',
      });
      expect([403, 404], `${url} → ${res.statusCode}`).toContain(res.statusCode);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', cookies: { session: token } })).statusCode).toBe(200);
  });

  it('a text/plain form from a sibling origin cannot approve an account through /%61pi/…', async () => {
    const authority = await createAuthority(ctx.services, { kind: 'foreign', country: 'SN' });
    const applicant = await createUser(ctx.services, { role: 'foreign_authority', authorityId: authority.id });
    await ctx.services.db.update(users).set({ approvedAt: null }).where(eq(users.id, applicant.id));
    const correspondent = await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] });
    const token = await signIn(correspondent.email, '10.1.0.3');
    for (const url of variants(`/api/v1/users/${applicant.id}/approve`)) {
      const res = await app.inject({
        method: 'POST',
        url,
        cookies: { session: token },
        headers: { origin: 'https://sibling.example.org', 'sec-fetch-site': 'same-site', 'content-type': 'text/plain' },
        payload: 'x=y',
        remoteAddress: '10.1.0.3',
      });
      expect([403, 404, 415], `${url} → ${res.statusCode}`).toContain(res.statusCode);
    }
    const [row] = await ctx.services.db.select().from(users).where(eq(users.id, applicant.id));
    expect(row!.approvedAt).toBeNull();
  });
});

describe('rate limits on the routed path', () => {
  it('password reset: once the limit is reached, no spelling of the path gets through', async () => {
    const ip = '10.2.0.1';
    const reset = (url: string) =>
      app.inject({ method: 'POST', url, payload: { email: 'someone@example.org' }, remoteAddress: ip });
    for (let i = 0; i < 3; i++) expect((await reset('/api/v1/auth/password-reset')).statusCode).toBe(202);
    for (const url of ['/api/v1/auth/password-reset', ...variants('/api/v1/auth/password-reset')]) {
      const res = await reset(url);
      expect([404, 429], `${url} → ${res.statusCode}`).toContain(res.statusCode);
    }
  });

  it('search: encoded spellings count against the same limit', async () => {
    const ip = '10.2.0.2';
    const statuses: number[] = [];
    for (const url of [
      '/api/v1/%73earch?q=eau',
      '/%61pi/v1/search?q=eau',
      '/api/v1/search?q=eau',
      ...variants('/api/v1/search'),
    ]) {
      statuses.push((await app.inject({ method: 'GET', url, remoteAddress: ip })).statusCode);
    }
    expect(statuses.slice(0, 3).every((s) => s === 200)).toBe(true);
    expect(
      statuses.slice(3).every((s) => s === 404 || s === 429),
      statuses.join(' '),
    ).toBe(true);
  });
});

describe('normalisedPath', () => {
  it('decodes, collapses slashes and folds case, so a prefix check covers every spelling', () => {
    for (const url of variants('/api/v1/auth/login')) expect(normalisedPath(url).startsWith('/api/'), url).toBe(true);
    expect(normalisedPath('/%E0%A4%A')).toBe('/%e0%a4%a');
    expect(normalisedPath('/recherche?q=/api/')).toBe('/recherche');
  });
});
