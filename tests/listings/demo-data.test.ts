import { and, count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/api/app.js';
import { findCountry } from '../../src/lib/reference/index.js';
import { frenchAuthorityRows, frenchCode } from '../../src/lib/server/authorities/french-loader.js';
import {
  authorities,
  listingStatus,
  listings,
  moderationEvents,
  searchOutbox,
  users,
} from '../../src/lib/server/db/schema/index.js';
import { DEMO_ACCOUNTS } from '../../src/lib/server/demo/accounts.js';
import { loadDemoData } from '../../src/lib/server/demo/load.js';
import { createTestServices, type TestContext } from '../helpers/services.js';

let ctx: TestContext;
let app: FastifyInstance;
beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
  await loadDemoData(ctx.services.db);
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

describe('demo data', () => {
  it('has requests from at least 15 countries on every continent, in French, English and Spanish, in every state', async () => {
    const rows = await ctx.services.db.select().from(listings);
    const countries = new Set(rows.map((r) => r.country));
    expect(countries.size).toBeGreaterThanOrEqual(15);
    const continents = new Set([...countries].map((c) => findCountry(c)!.continent));
    for (const continent of ['AF', 'AS', 'EU', 'NA', 'SA']) expect(continents).toContain(continent);
    expect(new Set(rows.map((r) => r.originalLanguage))).toEqual(new Set(['fr', 'en', 'es']));
    expect(rows.some((r) => Object.keys(r.translations).length > 0)).toBe(true);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(listingStatus.enumValues));
    expect(rows.some((r) => r.revisionStatus === 'submitted')).toBe(true);
  });

  it('gives every request an audit trail that ends in its state, and tells the search index', async () => {
    const rows = await ctx.services.db.select().from(listings);
    for (const row of rows) {
      const events = await ctx.services.db
        .select()
        .from(moderationEvents)
        .where(eq(moderationEvents.listingId, row.id))
        .orderBy(moderationEvents.id);
      expect(events[0]!.action).toBe('create');
      expect(events.at(-1)!.toStatus).toBe(row.status);
    }
    const [queued] = await ctx.services.db
      .select({ n: sql<number>`count(distinct ${searchOutbox.listingId})` })
      .from(searchOutbox);
    expect(Number(queued!.n)).toBe(rows.length);
  });

  it('signs in each demo account with the password of the README, and the correspondent sees a queue', async () => {
    const tokens: Record<string, string> = {};
    for (const account of DEMO_ACCOUNTS) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: account.email, password: account.password },
      });
      expect(res.statusCode, account.email).toBe(200);
      expect(res.json().user.role).toBe(account.role);
      tokens[account.key] = res.json().token;
    }
    const queue = await app.inject({
      method: 'GET',
      url: '/api/v1/moderation/queue',
      headers: { authorization: `Bearer ${tokens.correspondent}` },
    });
    expect(queue.json().total).toBeGreaterThanOrEqual(3);
    expect(queue.json().items.some((i: { authorityVerified: boolean }) => !i.authorityVerified)).toBe(true);
    const mine = await app.inject({
      method: 'GET',
      url: '/api/v1/my/listings',
      headers: { authorization: `Bearer ${tokens.foreign}` },
    });
    expect(mine.json().items.length).toBeGreaterThanOrEqual(3);
    const open = await app.inject({ method: 'GET', url: '/api/v1/listings?pageSize=100' });
    expect(open.json().total).toBeGreaterThanOrEqual(12);
    expect(open.body).not.toContain('example.org');
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await ctx.services.db.select({ n: count() }).from(authorities);
    const result = await loadDemoData(ctx.services.db);
    expect(result.skipped).toBe(true);
    const after = await ctx.services.db.select({ n: count() }).from(authorities);
    expect(after[0]!.n).toBe(before[0]!.n);
    const [demoUsers] = await ctx.services.db.select({ n: count() }).from(users);
    expect(demoUsers!.n).toBe(DEMO_ACCOUNTS.length);
  });
});

describe('French authorities from the official administrative division', () => {
  it('loads régions and départements with their population, and the chosen communes', async () => {
    const [bretagne] = await ctx.services.db
      .select()
      .from(authorities)
      .where(and(eq(authorities.kind, 'french'), eq(authorities.officialCode, frenchCode('region', '53'))));
    expect(bretagne).toMatchObject({ name: 'Bretagne', type: 'region' });
    expect(bretagne!.population).toBeGreaterThan(3_000_000);
    const [lannion] = await ctx.services.db.select().from(authorities).where(eq(authorities.officialCode, '22113'));
    expect(lannion).toMatchObject({ name: 'Lannion', type: 'commune', region: 'Bretagne', country: 'FR' });
  });

  it('the full load covers every current commune, the EPCI, the départements and régions (overseas collectivities too)', () => {
    const rows = frenchAuthorityRows({ communes: 'all' });
    const byType = (type: string) => rows.filter((r) => r.type === type).length;
    // 18 régions + 8 overseas collectivities; 101 départements + the same 8 at département level.
    expect(byType('region')).toBe(26);
    expect(byType('departement')).toBe(109);
    expect(byType('commune')).toBeGreaterThan(34_000);
    expect(byType('epci')).toBeGreaterThan(1_200);
    expect(new Set(rows.map((r) => r.officialCode)).size).toBe(rows.length);
  });
});
