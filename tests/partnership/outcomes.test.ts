import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { createServer } from '../../src/api/app.js';
import { listings, moderationEvents, notificationEvents, partnerships } from '../../src/lib/server/db/schema/index.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, createUser, insertListing, login } from '../helpers/fixtures.js';

let ctx: TestContext;
let app: FastifyInstance;
let foreignId: string;
let rennes: string;
let brest: string;

beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
  foreignId = (
    await createAuthority(ctx.services, {
      kind: 'foreign',
      country: 'BJ',
      name: 'Commune d’Abomey',
      population: 90_000,
    })
  ).id;
  rennes = (
    await createAuthority(ctx.services, {
      kind: 'french',
      country: 'FR',
      name: 'Ville de Rennes',
      region: 'Bretagne',
      population: 220_000,
      themes: ['water_sanitation'],
    })
  ).id;
  brest = (
    await createAuthority(ctx.services, {
      kind: 'french',
      country: 'FR',
      name: 'Brest Métropole',
      region: 'Bretagne',
      population: 210_000,
    })
  ).id;
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

describe('outcomes and partnerships', () => {
  it('marks a request matched with its partners in one step, recorded in the audit trail and the partnerships', async () => {
    const listing = await insertListing(ctx.services, {
      authorityId: foreignId,
      country: 'BJ',
      status: 'in_discussion',
    });
    const author = await createUser(ctx.services, { role: 'foreign_authority', authorityId: foreignId });
    const headers = await login(app, author.email);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/partnerships/matches',
      headers,
      payload: {
        listingId: listing.id,
        frenchAuthorityIds: [rennes, brest],
        comment: 'Convention signée le 3 mars',
        startedOn: '2026-03-03',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('matched');
    const rows = await ctx.services.db.select().from(partnerships).where(eq(partnerships.listingId, listing.id));
    expect(rows.map((r) => r.frenchAuthorityId).sort()).toEqual([rennes, brest].sort());
    const events = await ctx.services.db
      .select()
      .from(moderationEvents)
      .where(eq(moderationEvents.listingId, listing.id));
    expect(events.at(-1)).toMatchObject({
      action: 'match',
      toStatus: 'matched',
      comment: 'Convention signée le 3 mars',
    });
    // Each French partner is told of the claim (to confirm or refuse it), once.
    const claims = await ctx.services.db
      .select({ subject: notificationEvents.subject })
      .from(notificationEvents)
      .where(eq(notificationEvents.kind, 'partnership_claimed'));
    expect(claims.map((c) => c.subject.partnershipId).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(claims.every((c) => c.subject.byAuthorityId === foreignId)).toBe(true);

    // Matching twice is refused with the current state; nothing is written.
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/partnerships/matches',
      headers,
      payload: { listingId: listing.id, frenchAuthorityIds: [brest] },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().currentStatus).toBe('matched');
  });

  it('refuses a match by a stranger or with a partner that is not French, and writes nothing', async () => {
    const listing = await insertListing(ctx.services, { authorityId: foreignId, country: 'BJ', status: 'published' });
    const stranger = await createUser(ctx.services, { role: 'french_authority', authorityId: rennes });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/partnerships/matches',
      headers: await login(app, stranger.email),
      payload: { listingId: listing.id, frenchAuthorityIds: [rennes] },
    });
    expect(res.statusCode).toBe(403);
    const correspondent = await createUser(ctx.services, { role: 'correspondent', countries: ['BJ'] });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/partnerships/matches',
      headers: await login(app, correspondent.email),
      payload: { listingId: listing.id, frenchAuthorityIds: [foreignId] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('frenchAuthorityIds');
    const [row] = await ctx.services.db.select().from(listings).where(eq(listings.id, listing.id));
    expect(row!.status).toBe('published');
    expect(await ctx.services.db.select().from(partnerships).where(eq(partnerships.listingId, listing.id))).toEqual([]);
  });

  it('lists the French authorities already active in a country, from matches and declarations both sides confirmed', async () => {
    const lyon = (await createAuthority(ctx.services, { kind: 'french', country: 'FR', name: 'Ville de Lyon' })).id;
    const lyonUser = await createUser(ctx.services, { role: 'french_authority', authorityId: lyon });
    const declared = await app.inject({
      method: 'POST',
      url: '/api/v1/partnerships',
      headers: await login(app, lyonUser.email),
      payload: { foreignAuthorityId: foreignId, frenchAuthorityId: lyon, startedOn: '2012-05-01' },
    });
    expect(declared.statusCode).toBe(201);
    expect(declared.json()).toMatchObject({ created: true, status: 'pending' });
    // Claims (Lyon's declaration, the matches the author reported) are not public until the other side confirms.
    expect((await app.inject({ method: 'GET', url: '/api/v1/partnerships/countries/BJ' })).json().authorities).toEqual(
      [],
    );
    const abomey = await login(
      app,
      (await createUser(ctx.services, { role: 'foreign_authority', authorityId: foreignId })).email,
    );
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/partnerships/${declared.json().id}/confirm`, headers: abomey }))
        .statusCode,
    ).toBe(200);
    for (const partner of [rennes, brest]) {
      const headers = await login(
        app,
        (await createUser(ctx.services, { role: 'french_authority', authorityId: partner })).email,
      );
      const mine = (await app.inject({ method: 'GET', url: '/api/v1/partnerships/mine', headers })).json()
        .items as Array<{ id: string; canConfirm: boolean }>;
      expect(mine).toHaveLength(1);
      expect(
        (await app.inject({ method: 'POST', url: `/api/v1/partnerships/${mine[0]!.id}/confirm`, headers })).statusCode,
      ).toBe(200);
    }
    const res = await app.inject({ method: 'GET', url: '/api/v1/partnerships/countries/BJ' });
    expect(res.statusCode).toBe(200);
    const names = res.json().authorities.map((a: { name: string }) => a.name);
    expect(names).toEqual(expect.arrayContaining(['Ville de Rennes', 'Brest Métropole', 'Ville de Lyon']));
    expect(res.json().authorities[0].partners).toEqual(['Commune d’Abomey']);
    expect((await app.inject({ method: 'GET', url: '/api/v1/partnerships/countries/SN' })).json().authorities).toEqual(
      [],
    );
    expect((await app.inject({ method: 'GET', url: '/api/v1/partnerships/countries/ZZ' })).statusCode).toBe(400);
  });

  it('suggests requests to a French authority with reasons, and partners to the correspondent of the country', async () => {
    const water = await insertListing(ctx.services, {
      authorityId: foreignId,
      country: 'BJ',
      title: 'Eau potable à Abomey',
      themes: ['water_sanitation'],
    });
    const tourism = await insertListing(ctx.services, {
      authorityId: foreignId,
      country: 'BJ',
      title: 'Office du tourisme',
      themes: ['tourism'],
      exchangeLanguages: [],
      originalLanguage: 'uk',
    });
    const user = await createUser(ctx.services, { role: 'french_authority', authorityId: rennes });
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/recommendations',
      headers: await login(app, user.email),
    });
    expect(res.statusCode).toBe(200);
    type S = { listing: { id: string }; score: number; reasons: Array<{ code: string }> };
    const suggestions: S[] = res.json().suggestions;
    const forWater = suggestions.find((s) => s.listing.id === water.id)!;
    expect(forWater.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['themes', 'existing_partner', 'language']),
    );
    const forTourism = suggestions.find((s) => s.listing.id === tourism.id);
    expect(forWater.score).toBeGreaterThan(forTourism?.score ?? 0);
    expect(suggestions.map((s) => s.score)).toEqual([...suggestions.map((s) => s.score)].sort((a, b) => b - a));

    const correspondent = await createUser(ctx.services, { role: 'correspondent', countries: ['BJ'] });
    const partners = await app.inject({
      method: 'GET',
      url: `/api/v1/recommendations/listings/${water.id}/partners`,
      headers: await login(app, correspondent.email),
    });
    expect(partners.statusCode).toBe(200);
    expect(partners.json().suggestions[0].authority.name).toBe('Ville de Rennes');
    const elsewhere = await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] });
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/v1/recommendations/listings/${water.id}/partners`,
          headers: await login(app, elsewhere.email),
        })
      ).statusCode,
    ).toBe(403);
  });
});
