import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/api/app.js';
import { moderationEvents } from '../../src/lib/server/db/schema/index.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, createUser, insertListing, login } from '../helpers/fixtures.js';

let ctx: TestContext;
let app: FastifyInstance;
const HOUR = 3600 * 1000;

beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
  const sn = await createAuthority(ctx.services, { kind: 'foreign', country: 'SN' });
  const ma = await createAuthority(ctx.services, { kind: 'foreign', country: 'MA' });
  const t0 = new Date(Date.now() - 10 * 24 * HOUR);
  // Senegal: two requests moderated in 10 h and 30 h, one of them matched later.
  for (const [hours, status] of [
    [10, 'published'],
    [30, 'matched'],
  ] as const) {
    const l = await insertListing(ctx.services, {
      authorityId: sn.id,
      country: 'SN',
      status,
      themes: ['water_sanitation'],
    });
    await ctx.services.db.insert(moderationEvents).values([
      { listingId: l.id, action: 'submit', fromStatus: 'draft', toStatus: 'submitted', createdAt: t0 },
      {
        listingId: l.id,
        action: 'approve',
        fromStatus: 'submitted',
        toStatus: 'published',
        createdAt: new Date(t0.getTime() + hours * HOUR),
      },
    ]);
  }
  await insertListing(ctx.services, { authorityId: ma.id, country: 'MA', status: 'submitted', themes: ['tourism'] });
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

describe('statistics', () => {
  it('give an admin every country with states, median moderation time and match rate', async () => {
    const admin = await createUser(ctx.services, { role: 'admin' });
    const res = await app.inject({ method: 'GET', url: '/api/v1/statistics', headers: await login(app, admin.email) });
    expect(res.statusCode).toBe(200);
    const stats = res.json();
    expect(stats.scope).toBe('all');
    const sn = stats.byCountry.find((r: { key: string }) => r.key === 'SN');
    expect(sn).toMatchObject({
      total: 2,
      byStatus: { published: 1, matched: 1 },
      medianModerationHours: 20,
      matchRate: 0.5,
    });
    expect(stats.byCountry.map((r: { key: string }) => r.key).sort()).toEqual(['MA', 'SN']);
    expect(stats.byTheme.find((r: { key: string }) => r.key === 'water_sanitation').total).toBe(2);
    expect(stats.monthly.reduce((s: number, m: { submitted: number }) => s + m.submitted, 0)).toBe(2);
  });

  it('limit a correspondent to the countries they cover, and refuse everyone else', async () => {
    const correspondent = await createUser(ctx.services, { role: 'correspondent', countries: ['MA'] });
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/statistics',
      headers: await login(app, correspondent.email),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().byCountry.map((r: { key: string }) => r.key)).toEqual(['MA']);
    const french = await createUser(ctx.services, { role: 'french_authority' });
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/statistics', headers: await login(app, french.email) }))
        .statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/statistics' })).statusCode).toBe(401);
  });

  it('export the per-country table as CSV', async () => {
    const admin = await createUser(ctx.services, { role: 'admin' });
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/statistics/countries.csv',
      headers: await login(app, admin.email),
    });
    expect(res.statusCode).toBe(200);
    const [header, ...lines] = res.body.trim().split('\r\n');
    expect(header).toBe(
      'country,total,draft,submitted,changes_requested,published,rejected,in_discussion,matched,closed,archived,expired,medianModerationHours,matchRate',
    );
    expect(lines.find((l) => l.startsWith('SN,'))).toBe('SN,2,0,0,0,1,0,0,1,0,0,0,20,0.5');
  });
});
