import { eq } from 'drizzle-orm';
import { afterAll, describe, expect } from 'vitest';
import {
  loadCofinancingReference,
  resyncAfterClosingDays,
  todayInFrance,
} from '../../src/lib/server/cofinancing/catalogue.js';
import { cofinancingProgrammes } from '../../src/lib/server/db/schema/index.js';
import type { Services } from '../../src/lib/server/runtime/services.js';
import { searchMeilisearch } from '../../src/lib/server/search/meili-search.js';
import { listingsIndexUid } from '../../src/lib/server/search/index-name.js';
import { searchPostgres } from '../../src/lib/server/search/pg-search.js';
import { startSearchRelay, type SearchRelay } from '../../src/lib/server/search/relay.js';
import { searchQueryFromUrl } from '../../src/lib/server/search/search-query.js';
import { createAuthority } from '../helpers/fixtures.js';
import { test as it } from '../helpers/test.js';
import { eventually, insertListings, indexAndPostgres } from './listings.js';

// The "co-financeable by …" facet: which catalogue programmes a request fits on its own. Meilisearch holds it in
// the document; the Postgres fallback evaluates it live from the catalogue. Both must answer the same.

let relay: SearchRelay | undefined;
afterAll(async () => relay?.stop());

async function setUp(services: Services) {
  if (relay) return;
  await loadCofinancingReference(services.db);
  relay = startSearchRelay(services, { pollMs: 100 });
  const dakar = await createAuthority(services, { kind: 'foreign', country: 'SN' });
  const rabat = await createAuthority(services, { kind: 'foreign', country: 'MA' });
  const cuenca = await createAuthority(services, { kind: 'foreign', country: 'EC' });
  await insertListings(services, [
    {
      authorityId: dakar.id,
      country: 'SN',
      title: 'Eau potable à Dakar',
      summary: 'Bornes-fontaines.',
      themes: ['water_sanitation'],
      forms: ['thematic_project'],
    },
    {
      authorityId: dakar.id,
      country: 'SN',
      title: 'Maison de la culture',
      summary: 'Patrimoine bâti.',
      themes: ['culture_heritage'],
      forms: ['thematic_project'],
    },
    {
      authorityId: rabat.id,
      country: 'MA',
      title: 'Collecte des déchets',
      summary: 'Tri sélectif.',
      themes: ['waste'],
      forms: ['thematic_project'],
    },
    {
      authorityId: cuenca.id,
      country: 'EC',
      title: 'Terrains de sport',
      summary: 'Jeunesse et sport.',
      themes: ['youth_sport_citizenship'],
      forms: ['thematic_project'],
    },
  ]);
  await eventually(async () => {
    const { indexed, expected } = await indexAndPostgres(services);
    expect(indexed.map((d) => [d.id, d.cofinancing])).toEqual(expected.map((d) => [d.id, d.cofinancing]));
    expect(indexed).toHaveLength(4);
  });
}

/** The same search answered by Meilisearch and by the Postgres fallback. */
async function both(services: Services, queryString: string) {
  const query = searchQueryFromUrl(new URLSearchParams(queryString));
  const meili = await searchMeilisearch(services.meiliSearch, listingsIndexUid(services.indexPrefix), query, 10_000);
  const pg = await searchPostgres(services.sql, query);
  return { meili, pg };
}

const ids = (hits: Array<{ id: string }>) => hits.map((h) => h.id).sort();

describe('the co-financeable-by facet', () => {
  it('lists what each request fits on its own, the same in Meilisearch and in the Postgres fallback', async ({
    services,
  }) => {
    await setUp(services);
    for (const queryString of [
      '',
      'cofinancing=dctciv-franco-senegalais',
      'cofinancing=dctciv-franco-senegalais&cofinancing=dctciv-franco-marocain',
      'cofinancing=un-pour-cent-eau&country=SN',
      'cofinancing=dctciv-sport&theme=youth_sport_citizenship&theme=waste',
      'q=eau&cofinancing=dctciv-generaliste',
    ]) {
      const { meili, pg } = await both(services, queryString);
      expect(ids(pg.hits), queryString).toEqual(ids(meili.hits));
      expect(pg.total, queryString).toBe(meili.total);
      expect(pg.facets.cofinancing, queryString).toEqual(meili.facets.cofinancing);
      expect(pg.totalWithout, queryString).toEqual(meili.totalWithout);
    }
    const { meili } = await both(services, '');
    // Senegal's own call for its two requests, the water 1 % for the water one, the generalist call for all;
    // a water agency's 1 % needs the French authority's basin, so it is never a facet value.
    expect(meili.facets.cofinancing).toMatchObject({
      'dctciv-franco-senegalais': 2,
      'dctciv-franco-marocain': 1,
      'un-pour-cent-eau': 1,
      'un-pour-cent-dechets': 1,
      'dctciv-patrimoine': 1,
      'dctciv-sport': 1,
      'dctciv-generaliste': 4,
    });
    expect(Object.keys(meili.facets.cofinancing).filter((slug) => slug.startsWith('agence-eau'))).toEqual([]);
  });

  it('is disjunctive: a chosen programme is counted with every other filter but its own', async ({ services }) => {
    await setUp(services);
    const { meili } = await both(services, 'cofinancing=dctciv-franco-senegalais');
    expect(meili.total).toBe(2);
    expect(meili.facets.cofinancing['dctciv-franco-marocain']).toBe(1);
    expect(meili.totalWithout.cofinancing).toBe(4);
    const two = await both(services, 'cofinancing=dctciv-franco-senegalais&cofinancing=dctciv-franco-marocain');
    expect(two.meili.total).toBe(3);
  });

  it('refuses a malformed programme with a 400 problem naming the field, on the API', async ({ services, api }) => {
    await setUp(services);
    for (const value of ['Afd%20Ficol', '%22%20OR%20country%3D%22SN', 'a'.repeat(81), 'x--y']) {
      const res = await api.call('GET', `/api/v1/search?cofinancing=${value}`);
      expect(res.statusCode, value).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().field.split('.')[0]).toBe('cofinancing');
    }
    const ok = await api.call('GET', '/api/v1/search?cofinancing=dctciv-franco-senegalais&cofinancing=afd-ficol');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().facets.cofinancing).toHaveProperty('dctciv-generaliste');
  });

  it('follows the catalogue: closing, reopening and editing a programme re-sync the requests it concerns', async ({
    services,
    api,
    signedInAs,
  }) => {
    await setUp(services);
    const admin = await signedInAs('admin');
    const find = async (slug: string) =>
      (await api.call('GET', '/api/v1/cofinancing/programmes?includeClosed=true', admin))
        .json()
        .programmes.find((p: { slug: string }) => p.slug === slug);
    const facetNow = async (slug: string) => (await both(services, '')).meili.facets.cofinancing[slug] ?? 0;

    const senegal = await find('dctciv-franco-senegalais');
    const closed = await api.call('POST', `/api/v1/cofinancing/programmes/${senegal.id}/close`, {
      ...admin,
      'if-match': `"${senegal.version}"`,
    });
    expect(closed.statusCode).toBe(200);
    await eventually(async () => expect(await facetNow('dctciv-franco-senegalais')).toBe(0));
    expect((await both(services, '')).pg.facets.cofinancing['dctciv-franco-senegalais']).toBeUndefined();

    const reopened = await api.call('POST', `/api/v1/cofinancing/programmes/${senegal.id}/reopen`, {
      ...admin,
      'if-match': `"${senegal.version + 1}"`,
    });
    expect(reopened.statusCode).toBe(200);
    await eventually(async () => expect(await facetNow('dctciv-franco-senegalais')).toBe(2));

    // An edit that widens the Moroccan call to Ecuador reaches Ecuador's request.
    const morocco = await find('dctciv-franco-marocain');
    const body = { ...morocco, countries: ['MA', 'EC'] };
    for (const key of ['id', 'slug', 'closedAt', 'version', 'createdAt', 'updatedAt', 'updatedBy']) delete body[key];
    const edited = await api.call(
      'PUT',
      `/api/v1/cofinancing/programmes/${morocco.id}`,
      {
        ...admin,
        'if-match': `"${morocco.version}"`,
      },
      body,
    );
    expect(edited.statusCode, edited.body).toBe(200);
    await eventually(async () => expect(await facetNow('dctciv-franco-marocain')).toBe(2));
    const { meili, pg } = await both(services, 'cofinancing=dctciv-franco-marocain');
    expect(ids(pg.hits)).toEqual(ids(meili.hits));
  });

  it('drops a call from the facet once its closing day has passed (the nightly job)', async ({ services }) => {
    await setUp(services);
    const yesterday = new Date(Date.parse(`${todayInFrance()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    // Time passing, not an admin edit: no outbox entry until the job runs.
    await services.db
      .update(cofinancingProgrammes)
      .set({ closesOn: yesterday })
      .where(eq(cofinancingProgrammes.slug, 'dctciv-sport'));
    expect((await both(services, '')).pg.facets.cofinancing['dctciv-sport']).toBeUndefined();
    expect(await resyncAfterClosingDays(services.db)).toBe(1);
    await eventually(async () =>
      expect((await both(services, '')).meili.facets.cofinancing['dctciv-sport']).toBeUndefined(),
    );
  });
});
