import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/api/app.js';
import type { AppProcess } from '../helpers/app-process.js';
import { startBuiltAppOn } from '../helpers/pages-app.js';
import { createAuthority, createUser, login } from '../helpers/fixtures.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { draftBody } from '../listings/world.js';

// Stored XSS: a request whose texts carry markup goes through the normal lifecycle (create, submit, approve),
// then the BUILT app renders it on the home, search and detail pages: the payloads are there, escaped, inert.
const SCRIPT = '<script>alert("xss-1")</script>';
const IMG = '"><img src=x onerror=alert(2)>';
const SVG = "<svg/onload=alert('xss-3')>";
let ctx: TestContext;
let api: FastifyInstance;
let app: AppProcess;
let listingId: string;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ctx = await createTestServices();
  api = await createServer(ctx.services);
  const s = ctx.services;
  const authority = await createAuthority(s, { kind: 'foreign', country: 'SN', name: `Commune ${IMG}` });
  const author = await login(
    api,
    (await createUser(s, { role: 'foreign_authority', authorityId: authority.id })).email,
  );
  const correspondent = await login(api, (await createUser(s, { role: 'correspondent', countries: ['SN'] })).email);
  const created = await api.inject({
    method: 'POST',
    url: '/api/v1/listings',
    headers: author,
    payload: draftBody({
      title: `Marché xsstoken ${SCRIPT}`,
      summary: `Résumé ${IMG} et ${SVG}`,
      context: `Contexte ${SCRIPT}`,
    }),
  });
  expect(created.statusCode, created.body).toBe(201);
  listingId = created.json().id;
  expect(
    (await api.inject({ method: 'POST', url: `/api/v1/listings/${listingId}/submit`, headers: author })).statusCode,
  ).toBe(200);
  const approved = await api.inject({
    method: 'POST',
    url: `/api/v1/listings/${listingId}/decision`,
    headers: correspondent,
    payload: { decision: 'approve' },
  });
  expect(approved.statusCode).toBe(200);

  // A private copy of the build `npm test` just made: another build in this checkout cannot pull it away.
  ({ app, stop } = await startBuiltAppOn(ctx, { LOG_LEVEL: 'warn' }));
  for (let i = 0; i < 300; i++) {
    const res = await fetch(`${app.url}/api/v1/search?q=xsstoken`);
    if (res.ok && ((await res.json()) as { total: number }).total === 1) break;
    await new Promise((r) => setTimeout(r, 100));
  }
}, 180_000);

afterAll(async () => {
  await stop?.();
  await api?.close();
  await ctx?.cleanup();
});

/** No payload as live markup anywhere in the document (text, attributes or the hydration data). */
function expectInert(html: string) {
  expect(html).not.toContain('<script>alert(');
  expect(html).not.toMatch(/<img[^>]*onerror/i);
  expect(html).not.toMatch(/<svg\/onload/i);
  expect(html).not.toMatch(/"><img/);
}

describe('stored XSS payloads render inert', () => {
  it('on the detail page, escaped and visible as text', async () => {
    const res = await fetch(`${app.url}/demandes/${listingId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expectInert(html);
    // Svelte escapes `<` and `&` in text (`>` alone opens nothing).
    expect(html).toMatch(/Marché xsstoken &lt;script(&gt;|>)alert\("xss-1"\)&lt;\/script/);
    expect(html).toMatch(/&lt;img src=x onerror=alert\(2\)/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src/);
  });

  it('on the search page (results from Meilisearch, with highlighting)', async () => {
    const res = await fetch(`${app.url}/recherche?q=xsstoken`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expectInert(html);
    expect(html).toContain('xsstoken');
    expect(html).toMatch(/&lt;script(&gt;|>)alert/);
  });

  it('on the search page when the query itself is the payload', async () => {
    const res = await fetch(`${app.url}/recherche?q=${encodeURIComponent(`${SCRIPT}${IMG}`)}`);
    expect(res.status).toBe(200);
    expectInert(await res.text());
  });

  it('on the home page', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expectInert(await res.text());
  });
});
