import { request as httpRequest } from 'node:http';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppProcess } from '../helpers/app-process.js';
import { startBuiltAppOn, pageSession } from '../helpers/pages-app.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createUser, TEST_PASSWORD } from '../helpers/fixtures.js';

/**
 * The pages' side of the hardening, through the built app as a browser would use it: no open redirect after
 * sign-in, the guard keeps the whole page to come back to, /dev/outbox only from this machine, HSTS over https, and
 * the search page counted in the API's search limit.
 */
const ORIGIN = 'https://bourse.example.org';
const SEARCH_LIMIT = 6;
let ctx: TestContext;
let app: AppProcess;
let port: number;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ctx = await createTestServices();
  ({ app, stop } = await startBuiltAppOn(ctx, {
    ORIGIN,
    // Listening on every interface, so the test can also come from a non-loopback address of this machine.
    HOST: '0.0.0.0',
    NODE_ENV: 'development',
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'warn',
    SEARCH_RATE_LIMIT: String(SEARCH_LIMIT),
  }));
  port = Number(new URL(app.url).port);
}, 180_000);
afterAll(async () => {
  await stop?.();
  await ctx?.cleanup();
});

const get = (p: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${p}`, { redirect: 'manual', headers: { accept: 'text/html', ...headers } });
const post = (p: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${p}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: ORIGIN, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
/** Where a browser on the sign-in page goes with this Location. */
const landing = (res: Response) => new URL(res.headers.get('location') ?? '', `${ORIGIN}/connexion`);

describe('sign-in redirects stay on the site', () => {
  it('the reported bypass, posted with the form, lands on the site (not on evil.example)', async () => {
    const user = await createUser(ctx.services, { role: 'french_authority' });
    const redirectTo = '/./\t/evil.example/phish';
    const res = await post(`/connexion?redirectTo=${encodeURIComponent(redirectTo)}`, {
      email: user.email,
      password: TEST_PASSWORD,
      redirectTo,
    });
    expect(res.status).toBe(303);
    expect(landing(res).origin).toBe(ORIGIN);
    expect(res.headers.get('location')).not.toMatch(/^\/\/|evil/);
  });

  it('signed in, `/en/../\\t/evil.example/x` does not become `Location: //evil.example/x`', async () => {
    const user = await createUser(ctx.services, { role: 'french_authority' });
    const session = await pageSession(app.url, user.email, { origin: ORIGIN });
    expect(session).toBeTruthy();
    for (const raw of [
      '%2Fen%2F..%2F%09%2Fevil.example%2Fx',
      '%2F%2Fevil.example',
      '%2F%5Cevil.example',
      'https%3A%2F%2Fevil.example',
      '%2Fes%2F..%2F%2Fevil.example',
    ]) {
      const res = await get(`/connexion?redirectTo=${raw}`, { cookie: `session=${session}` });
      expect(res.status, raw).toBe(303);
      expect(landing(res).origin, `${raw} → ${res.headers.get('location')}`).toBe(ORIGIN);
    }
    // A genuine page comes back whole, in the page's locale.
    const back = await get(`/en/connexion?redirectTo=${encodeURIComponent('/recherche?q=eau&country=SN')}`, {
      cookie: `session=${session}`,
    });
    expect(back.headers.get('location')).toBe('/en/recherche?q=eau&country=SN');
  });

  it('a guarded page sends an anonymous visitor to sign in and back to the same page with its query', async () => {
    const correspondent = await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] });
    const guarded = await get('/moderation/demandes?pays=SN&etat=submitted');
    expect(guarded.status).toBe(303);
    const signIn = new URL(guarded.headers.get('location')!, ORIGIN);
    expect(signIn.pathname).toBe('/connexion');
    expect(signIn.searchParams.get('redirectTo')).toBe('/moderation/demandes?pays=SN&etat=submitted');
    const res = await post(`/connexion${signIn.search}`, {
      email: correspondent.email,
      password: TEST_PASSWORD,
      redirectTo: signIn.searchParams.get('redirectTo')!,
    });
    expect(res.headers.get('location')).toBe('/moderation/demandes?pays=SN&etat=submitted');
    // The wrong role gets 403, not a sign-in loop.
    const author = await createUser(ctx.services, { role: 'french_authority' });
    const session = await pageSession(app.url, author.email, { origin: ORIGIN });
    expect((await get('/moderation', { cookie: `session=${session}` })).status).toBe(403);
  });
});

describe('/dev/outbox', () => {
  /** A raw request, to send a Host header fetch would not let through. */
  const raw = (host: string) =>
    new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/dev/outbox', headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });

  it('opens to a request from this machine, and to nobody else', async () => {
    expect((await get('/dev/outbox')).status).toBe(200);
    // The same app reached through this machine's network address: 404.
    const external = (os.networkInterfaces() ? Object.values(os.networkInterfaces()).flat() : []).find(
      (a) => a && a.family === 'IPv4' && !a.internal,
    );
    if (external) {
      const res = await fetch(`http://${external.address}:${port}/dev/outbox`, { redirect: 'manual' });
      expect(res.status).toBe(404);
    }
    // A proxy speaking for someone (or a client pretending to be 127.0.0.1 through TRUST_PROXY): 404.
    expect((await get('/dev/outbox', { 'x-forwarded-for': '127.0.0.1' })).status).toBe(404);
    expect((await get('/dev/outbox', { forwarded: 'for=127.0.0.1' })).status).toBe(404);
    // DNS rebinding: a page of another site whose name resolves to 127.0.0.1 sends its own Host.
    expect(await raw('evil.example')).toBe(404);
    expect(await raw(`localhost:${port}`)).toBe(200);
  });
});

describe('headers and limits of pages', () => {
  it('pages carry HSTS when ORIGIN is https', async () => {
    const res = await get('/');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  });

  it('the pages rendered on the server only send a client that preloads their data to the document', async () => {
    for (const [data, page] of [
      ['/recherche/__data.json?q=eau&country=SN', '/recherche?q=eau&country=SN'],
      ['/en/recherche/__data.json?q=eau', '/en/recherche?q=eau'],
      ['/__data.json', '/'],
    ]) {
      const res = await get(data!, { 'x-forwarded-for': '203.0.113.90' });
      expect(res.status, data).toBe(200);
      expect(await res.json(), data).toMatchObject({ type: 'redirect', location: page });
    }
  });

  it('the error page of a page rendered on the server only still hydrates with the signed-in reader’s header data', async () => {
    // The request page skips SvelteKit's hydration data (csr = false); its 404 is drawn with the root layout and
    // hydrated, so the layout's data (who is signed in) must be in that page's script.
    const user = await createUser(ctx.services, { role: 'french_authority' });
    const session = await pageSession(app.url, user.email, { origin: ORIGIN });
    const res = await get('/demandes/3f1c2b7a-0000-4000-8000-000000000000', { cookie: `session=${session}` });
    expect(res.status).toBe(404);
    const scripts = [...(await res.text()).matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
    expect(scripts).toContain('kit.start(');
    expect(scripts).toMatch(/viewer:\{[^}]*displayName:"Test french_authority"/);
  });

  it('the search page and its __data.json count in the API’s search limit', async () => {
    const client = { 'x-forwarded-for': '203.0.113.77' };
    const statuses: number[] = [];
    for (let i = 0; i < SEARCH_LIMIT / 2; i++) statuses.push((await get('/recherche?q=eau', client)).status);
    for (let i = 0; i < SEARCH_LIMIT / 2 - 1; i++)
      statuses.push((await get('/recherche/__data.json?q=eau', client)).status);
    statuses.push((await fetch(`${app.url}/api/v1/search?q=eau`, { headers: client })).status);
    expect(
      statuses.every((s) => s === 200),
      statuses.join(' '),
    ).toBe(true);
    const page = await get('/recherche?q=eau', client);
    expect(page.status).toBe(429);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await page.text()).toContain('Trop de tentatives');
    expect((await get('/en/recherche/__data.json', client)).status).not.toBe(200);
    expect((await fetch(`${app.url}/api/v1/search?q=eau`, { headers: client })).status).toBe(429);
    // Another visitor searches on.
    expect((await get('/recherche?q=eau', { 'x-forwarded-for': '203.0.113.78' })).status).toBe(200);
  });
});
