import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/api/app.js';
import { loadCofinancingReference, todayInFrance } from '../../src/lib/server/cofinancing/catalogue.js';
import { loadSupportReference } from '../../src/lib/server/cofinancing/support.js';
import { REFERENCE_PROGRAMMES } from '../../src/lib/server/cofinancing/reference.js';
import { frenchCode, loadFrenchAuthorities } from '../../src/lib/server/authorities/french-loader.js';
import { authorities } from '../../src/lib/server/db/schema/index.js';
import { and, eq } from 'drizzle-orm';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, createUser, insertListing, login } from '../helpers/fixtures.js';

let ctx: TestContext;
let app: FastifyInstance;
let admin: Record<string, string>;
let lannion: Record<string, string>;
let correspondent: Record<string, string>;
let waloId: string;
// Days counted from today in France, as the catalogue counts them.
const shift = (days: number) =>
  new Date(Date.parse(`${todayInFrance()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
  const { db } = ctx.services;
  await loadFrenchAuthorities(db, { communes: ['22113'] });
  await loadCofinancingReference(db);
  await loadSupportReference(db);
  const [lannionAuthority] = await db
    .select()
    .from(authorities)
    .where(and(eq(authorities.kind, 'french'), eq(authorities.officialCode, frenchCode('commune', '22113'))));
  const podor = await createAuthority(ctx.services, { kind: 'foreign', country: 'SN', name: 'Commune de Podor' });
  waloId = (
    await insertListing(ctx.services, {
      authorityId: podor.id,
      country: 'SN',
      themes: ['water_sanitation', 'energy'],
      title: 'Accès à l’eau potable des villages du Walo',
    })
  ).id;
  admin = await login(app, (await createUser(ctx.services, { role: 'admin' })).email);
  lannion = await login(
    app,
    (await createUser(ctx.services, { role: 'french_authority', authorityId: lannionAuthority!.id })).email,
  );
  correspondent = await login(
    app,
    (await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] })).email,
  );
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

async function programme(slug: string) {
  const res = await app.inject({ method: 'GET', url: '/api/v1/cofinancing/programmes' });
  return res.json().programmes.find((p: { slug: string }) => p.slug === slug);
}

describe('co-financing catalogue', () => {
  it('holds the reference entries once, however often the reference is loaded', async () => {
    expect(await loadCofinancingReference(ctx.services.db)).toBe(0);
    const res = await app.inject({ method: 'GET', url: '/api/v1/cofinancing/programmes' });
    expect(res.statusCode).toBe(200);
    const slugs = res.json().programmes.map((p: { slug: string }) => p.slug);
    expect(slugs).toHaveLength(REFERENCE_PROGRAMMES.length);
    expect(slugs).toEqual(
      expect.arrayContaining([
        'dctciv-franco-senegalais',
        'afd-ficol',
        'agence-eau-loire-bretagne',
        'faceco',
        'union-europeenne',
        'un-pour-cent-dechets',
      ]),
    );
    expect((await programme('dctciv-generaliste')).maxRatePercent).toBe(70);
  });

  it('lets only an admin edit, keeps each version, and refuses a stale edit instead of overwriting it', async () => {
    const senegal = await programme('dctciv-franco-senegalais');
    const body = { ...senegal, opensOn: shift(-10), closesOn: shift(14), datesToConfirm: false };
    for (const key of ['id', 'slug', 'closedAt', 'version', 'updatedAt']) delete body[key];

    const anonymous = await app.inject({
      method: 'PUT',
      url: `/api/v1/cofinancing/programmes/${senegal.id}`,
      headers: { 'if-match': `"${senegal.version}"` },
      payload: body,
    });
    expect(anonymous.statusCode).toBe(401);
    const byCorrespondent = await app.inject({
      method: 'PUT',
      url: `/api/v1/cofinancing/programmes/${senegal.id}`,
      headers: { ...correspondent, 'if-match': `"${senegal.version}"` },
      payload: body,
    });
    expect(byCorrespondent.statusCode).toBe(403);
    const withoutVersion = await app.inject({
      method: 'PUT',
      url: `/api/v1/cofinancing/programmes/${senegal.id}`,
      headers: admin,
      payload: body,
    });
    expect(withoutVersion.statusCode).toBe(428);

    const saved = await app.inject({
      method: 'PUT',
      url: `/api/v1/cofinancing/programmes/${senegal.id}`,
      headers: { ...admin, 'if-match': `"${senegal.version}"` },
      payload: body,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ closesOn: shift(14), version: senegal.version + 1 });

    const stale = await app.inject({
      method: 'PUT',
      url: `/api/v1/cofinancing/programmes/${senegal.id}`,
      headers: { ...admin, 'if-match': `"${senegal.version}"` },
      payload: { ...body, name: 'Écrasement' },
    });
    expect(stale.statusCode).toBe(412);
    expect((await programme('dctciv-franco-senegalais')).name).toBe(senegal.name);

    const history = await app.inject({
      method: 'GET',
      url: `/api/v1/cofinancing/programmes/${senegal.id}/history`,
      headers: admin,
    });
    expect(history.json().history.map((h: { action: string }) => h.action)).toEqual(['edit', 'reference']);
  });

  it.each([
    [{ maxRatePercent: 120 }, 'maxRatePercent'],
    [{ countries: ['XX'] }, 'countries'],
    [{ countries: ['FR'] }, 'countries'],
    [{ themes: ['astrology'] }, 'themes'],
    [{ kind: 'lottery' }, 'kind'],
    [{ officialUrl: 'javascript:alert(1)' }, 'officialUrl'],
    [{ opensOn: '2027-03-01', closesOn: '2027-01-01' }, 'closesOn'],
    [{ closesOn: '2027-02-30' }, 'closesOn'],
    [{ name: 'Appel\u0000caché' }, 'name'],
    [{ waterBasin: 'mississippi' }, 'waterBasin'],
  ])('refuses %j with a problem naming %s', async (patch, field) => {
    const payload = {
      name: 'Appel test',
      funder: 'MEAE',
      kind: 'call_for_projects',
      officialUrl: 'https://example.org/appel',
      ...patch,
    };
    const res = await app.inject({ method: 'POST', url: '/api/v1/cofinancing/programmes', headers: admin, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().field ?? res.json().errors?.[0]?.field).toContain(field);
  });

  it('shows Lannion, for the Walo request, the franco-Senegalese call, the 1 % water through Loire-Bretagne and FICOL, with reasons and its RRMA region', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/cofinancing/listings/${waloId}`, headers: lannion });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.frenchAuthority).toMatchObject({
      name: 'Lannion',
      departement: '22',
      basin: 'loire_bretagne',
      region: 'Bretagne',
    });
    const bySlug = new Map(body.paths.map((p: { programme: { slug: string } }) => [p.programme.slug, p]));
    expect(bySlug.get('dctciv-franco-senegalais')).toMatchObject({
      closesInDays: 14,
      reasons: expect.arrayContaining([{ code: 'country', country: 'SN' }]),
    });
    expect(bySlug.get('agence-eau-loire-bretagne')).toMatchObject({
      reasons: expect.arrayContaining([{ code: 'basin', basin: 'loire_bretagne', departement: '22', shared: false }]),
    });
    expect(bySlug.has('afd-ficol')).toBe(true);
    expect(bySlug.has('agence-eau-seine-normandie')).toBe(false);
    expect(body.support.map((s: { name: string }) => s.name)).toContain('Réseau Bretagne Solidaire');
  });

  it('gives the same paths as a reason in Lannion’s suggestions, without changing the score', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/recommendations', headers: lannion });
    expect(res.statusCode).toBe(200);
    const walo = res.json().suggestions.find((s: { listing: { id: string } }) => s.listing.id === waloId);
    const reason = walo.reasons.find((r: { code: string }) => r.code === 'cofinancing');
    expect(reason.points).toBe(0);
    expect(reason.detail.programmes).toEqual(
      expect.arrayContaining([
        'Appel à projets franco-sénégalais',
        '1 % solidarité internationale — Agence de l’eau Loire-Bretagne',
      ]),
    );
    expect(walo.score).toBe(walo.reasons.reduce((sum: number, r: { points: number }) => sum + r.points, 0));
  });

  it('stops offering a closed programme, and the anonymous reader gets no agency path', async () => {
    const ficol = await programme('afd-ficol');
    const closed = await app.inject({
      method: 'POST',
      url: `/api/v1/cofinancing/programmes/${ficol.id}/close`,
      headers: { ...admin, 'if-match': `"${ficol.version}"` },
    });
    expect(closed.statusCode).toBe(200);
    const res = await app.inject({ method: 'GET', url: `/api/v1/cofinancing/listings/${waloId}` });
    const slugs = res.json().paths.map((p: { programme: { slug: string } }) => p.programme.slug);
    expect(slugs).not.toContain('afd-ficol');
    expect(slugs).not.toContain('agence-eau-loire-bretagne');
    expect(slugs).toContain('un-pour-cent-eau');
    const reopened = await app.inject({
      method: 'POST',
      url: `/api/v1/cofinancing/programmes/${ficol.id}/reopen`,
      headers: { ...admin, 'if-match': `"${closed.json().version}"` },
    });
    expect(reopened.statusCode).toBe(200);
    expect(await loadCofinancingReference(ctx.services.db)).toBe(0);
  });
});
