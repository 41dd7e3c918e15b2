import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppProcess } from '../helpers/app-process.js';
import { draftBody } from '../listings/world.js';
import { insertListing } from '../helpers/fixtures.js';
import { call, createFaultWorld, eventually, loginOver, type FaultWorld } from './harness.js';

// PostgreSQL goes away under a running app and comes back on the same address: the app must answer every
// request promptly with a clean 503 (problem+json for the API, an error page for pages), never hang nor leak a
// stack, and serve normally again once PostgreSQL is back, without being restarted.
let w: FaultWorld;
let app: AppProcess;
let listingId: string;
let auth: Record<string, string>;

beforeAll(async () => {
  w = await createFaultWorld('pg-restart');
  listingId = (
    await insertListing(w.services, {
      authorityId: w.authority.id,
      country: 'SN',
      title: 'Adduction d’eau à Ziguinchor',
    })
  ).id;
  app = await w.startApp();
  auth = await loginOver(app.url, w.users.author.email, w.users.author.password);
}, 180_000);

afterAll(async () => {
  await w?.close();
});

const probes = () => [
  { name: 'detail', url: `/api/v1/listings/${listingId}` },
  { name: 'list', url: '/api/v1/listings' },
  { name: 'me', url: '/api/v1/me', headers: () => auth },
  { name: 'my listings', url: '/api/v1/my/listings', headers: () => auth },
  {
    name: 'create',
    url: '/api/v1/listings',
    method: 'POST',
    headers: () => auth,
    body: draftBody({ title: 'Brouillon pendant la panne' }),
  },
];

describe('PostgreSQL restarted while the app serves', () => {
  it('answers 503 problem+json (no hang, no 500, no stack) while it is down, and recovers by itself', async () => {
    for (const p of probes()) {
      const res = await call(`${app.url}${p.url}`, { method: p.method, headers: p.headers?.(), body: p.body });
      expect(res.status, `${p.name} before the outage: ${res.text}`).toBeLessThan(300);
    }

    await w.killPostgres('SIGINT');

    for (const round of [1, 2]) {
      for (const p of probes()) {
        const res = await call(`${app.url}${p.url}`, {
          method: p.method,
          headers: p.headers?.(),
          body: p.body,
          timeoutMs: 20_000,
        });
        expect(res.status, `${p.name} (round ${round}) while PostgreSQL is down: ${res.text}`).toBe(503);
        expect(res.type).toContain('application/problem+json');
        expect(res.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
        expect(res.text).not.toMatch(/ECONNREFUSED|at \w+ \(|node_modules|postgres:\/\//);
      }
      const health = await call(`${app.url}/api/health`);
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ postgres: 'down' });
      const page = await call(`${app.url}/demandes/${listingId}`, { timeoutMs: 20_000 });
      expect(page.status, page.text.slice(0, 500)).toBe(503);
      expect(page.text).not.toMatch(/ECONNREFUSED|at \w+ \(|node_modules|postgres:\/\//);
      // Search keeps answering from Meilisearch.
      const search = await call(`${app.url}/api/v1/search?q=eau`, { timeoutMs: 20_000 });
      expect([200, 503]).toContain(search.status);
    }
    expect(app.child.exitCode).toBeNull();

    await w.restartPostgres();

    await eventually(async () => {
      const health = await call(`${app.url}/api/health`);
      expect(health.status).toBe(200);
    });
    for (const p of probes()) {
      const res = await eventually(async () => {
        const r = await call(`${app.url}${p.url}`, { method: p.method, headers: p.headers?.(), body: p.body });
        expect(r.status, `${p.name} after the restart: ${r.text}`).toBeLessThan(300);
        return r;
      }, 20_000);
      expect(res.status).toBeLessThan(300);
    }
    const page = await call(`${app.url}/demandes/${listingId}`);
    expect(page.status).toBe(200);
    expect(app.child.pid).toBeGreaterThan(0);
    expect(app.child.exitCode).toBeNull();
  }, 180_000);
});
