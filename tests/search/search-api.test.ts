import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/api/app.js';
import { InvalidInput } from '../../src/lib/server/errors.js';
import { listingsIndexUid } from '../../src/lib/server/search/index-name.js';
import { searchListings } from '../../src/lib/server/search/search-listings.js';
import { parseSearchQuery, searchQueryFromUrl } from '../../src/lib/server/search/search-query.js';
import { startSearchRelay, type SearchRelay } from '../../src/lib/server/search/relay.js';
import { createAuthority } from '../helpers/fixtures.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { eventually, insertListings, updateListing } from './listings.js';

let ctx: TestContext;
let app: FastifyInstance;
let relay: SearchRelay;
const ids: Record<string, string> = {};

const search = async (query: string) => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/search${query ? `?${query}` : ''}` });
  return { status: res.statusCode, body: res.json() };
};
const titles = (body: { hits: Array<{ title: string }> }) => body.hits.map((h) => h.title).sort();

beforeAll(async () => {
  ctx = await createTestServices();
  const { services } = ctx;
  relay = startSearchRelay(services, { pollMs: 200 });
  app = await createServer(services);
  const dakar = await createAuthority(services, {
    kind: 'foreign',
    country: 'SN',
    name: 'Ville de Dakar',
    region: 'Dakar',
    population: 1_100_000,
    type: 'municipality',
  });
  const ndiob = await createAuthority(services, {
    kind: 'foreign',
    country: 'SN',
    name: 'Commune de Ndiob',
    region: 'Fatick',
    population: 3_000,
    type: 'municipality',
  });
  const antsirabe = await createAuthority(services, {
    kind: 'foreign',
    country: 'MG',
    name: 'Commune urbaine d’Antsirabe',
    region: 'Vakinankaratra',
    population: 250_000,
    type: 'municipality',
  });
  const cuenca = await createAuthority(services, {
    kind: 'foreign',
    country: 'EC',
    name: 'Municipio de Cuenca',
    region: 'Azuay',
    population: 600_000,
    type: 'municipality',
  });
  const lviv = await createAuthority(services, {
    kind: 'foreign',
    country: 'UA',
    name: 'Lviv Oblast',
    region: 'Lviv',
    population: 2_500_000,
    type: 'region',
  });
  const contact = { name: 'Awa Diop', email: 'awa.diop@secret.example', phone: '+221 77 000 00 00' };
  const rows = await insertListings(services, [
    {
      authorityId: dakar.id,
      country: 'SN',
      title: 'Accès à l’eau potable dans les quartiers périphériques',
      summary: 'Extension du réseau d’assainissement et des bornes-fontaines pour 40 000 habitants.',
      themes: ['water_sanitation'],
      forms: ['thematic_project'],
      exchangeLanguages: ['fr'],
      electedOfficial: contact,
      technicalContact: contact,
      publishedAt: new Date('2026-01-10'),
    },
    {
      authorityId: antsirabe.id,
      country: 'MG',
      title: 'Gestion des déchets ménagers',
      summary: 'Tri et compostage des ordures du marché central.',
      themes: ['waste'],
      forms: ['expertise_exchange'],
      exchangeLanguages: ['fr', 'mg'],
      publishedAt: new Date('2026-03-01'),
    },
    {
      authorityId: cuenca.id,
      country: 'EC',
      originalLanguage: 'es',
      title: 'Agua potable y saneamiento para barrios rurales',
      summary: 'Buscamos un socio francés con experiencia en redes de agua.',
      themes: ['water_sanitation', 'health'],
      forms: ['one_percent'],
      exchangeLanguages: ['es', 'fr'],
      publishedAt: new Date('2026-02-01'),
      translations: {
        fr: {
          title: 'Eau potable et assainissement pour les quartiers ruraux',
          summary: 'Nous cherchons un partenaire français expérimenté en réseaux d’eau.',
        },
      },
    },
    {
      authorityId: lviv.id,
      country: 'UA',
      originalLanguage: 'en',
      title: 'School reconstruction after shelling',
      summary: 'Rebuilding three primary schools and training teachers.',
      themes: ['education_training', 'civil_protection'],
      forms: ['humanitarian'],
      exchangeLanguages: ['en', 'uk'],
      status: 'in_discussion',
      publishedAt: new Date('2025-12-01'),
    },
    {
      authorityId: ndiob.id,
      country: 'SN',
      title: 'Centre de santé communal',
      summary: 'Équiper la maternité et former les sages-femmes.',
      themes: ['health'],
      forms: ['twinning'],
      exchangeLanguages: ['fr', 'wo'],
      publishedAt: new Date('2026-04-01'),
    },
    {
      authorityId: ndiob.id,
      country: 'SN',
      title: 'Eau potable pour Ndiob (brouillon)',
      summary: 'Pas encore soumis.',
      themes: ['water_sanitation'],
      status: 'draft',
      publishedAt: null,
    },
    {
      authorityId: ndiob.id,
      country: 'SN',
      title: '<script>alert("x")</script> marché aux poissons',
      summary: 'Un marché <b>couvert</b>.',
      themes: ['local_economy'],
      forms: ['thematic_project'],
      exchangeLanguages: ['fr'],
      publishedAt: new Date('2025-11-01'),
    },
  ]);
  for (const row of rows) ids[row.title] = row.id;
  await eventually(async () => expect((await search('')).body).toMatchObject({ total: 6, degraded: false }));
});

afterAll(async () => {
  await relay?.stop();
  await app?.close();
  await ctx?.cleanup();
});

describe('GET /api/v1/search', () => {
  it('lists published requests only, with facet counts', async () => {
    const { status, body } = await search('');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 6, page: 1, hitsPerPage: 20, totalPages: 1, degraded: false });
    expect(titles(body)).not.toContain('Eau potable pour Ndiob (brouillon)');
    expect(body.facets.country).toEqual({ SN: 3, MG: 1, EC: 1, UA: 1 });
    expect(body.facets.continent).toEqual({ AF: 4, SA: 1, EU: 1 });
    expect(body.facets.themes).toMatchObject({ water_sanitation: 2, health: 2, waste: 1 });
    expect(body.facets.populationBracket).toEqual({ lt5k: 2, '100k-500k': 1, gte500k: 3 });
    expect(body.facets.authorityType).toEqual({ municipality: 5, region: 1 });
    expect(body.facets.languages).toMatchObject({ fr: 5, es: 1, wo: 1, uk: 1 });
  });

  it('filters by repeated countries, theme, continent, population and language', async () => {
    expect((await search('country=SN')).body.total).toBe(3);
    expect((await search('country=SN&country=MG')).body.total).toBe(4);
    const water = await search('theme=water_sanitation&country=EC');
    expect(titles(water.body)).toEqual(['Agua potable y saneamiento para barrios rurales']);
    expect((await search('continent=AF&theme=health')).body.total).toBe(1);
    expect((await search('population=lt5k')).body.total).toBe(2);
    expect(titles((await search('language=uk')).body)).toEqual(['School reconstruction after shelling']);
  });

  it('ORs values within a facet, ANDs facets, and counts each facet with every filter but its own', async () => {
    // Ticking Senegal keeps the other countries on offer, with what each would add.
    const senegal = (await search('country=SN')).body;
    expect(senegal.facets.country).toEqual({ SN: 3, MG: 1, EC: 1, UA: 1 });
    expect(senegal.facets.themes).toEqual({ water_sanitation: 1, health: 1, local_economy: 1 });
    const both = (await search('country=SN&country=MG')).body;
    expect(both.total).toBe(both.facets.country.SN + both.facets.country.MG);
    // Across facets the filters narrow: the theme counts read within the countries, the country counts within the theme.
    const narrowed = (await search('country=SN&theme=health')).body;
    expect(titles(narrowed)).toEqual(['Centre de santé communal']);
    expect(narrowed.facets.country).toEqual({ SN: 1, EC: 1 });
    expect(narrowed.facets.themes).toEqual({ water_sanitation: 1, health: 1, local_economy: 1 });
    expect(narrowed.facets.continent).toEqual({ AF: 1 });
    expect(narrowed.totalWithout).toEqual({ country: 2, themes: 3 });
    // A search with no result still has facets to widen it with.
    const none = (await search('country=UA&theme=health')).body;
    expect(none).toMatchObject({ total: 0, totalWithout: { country: 2, themes: 1 } });
    expect(none.facets.country).toEqual({ SN: 1, EC: 1 });
  });

  it('gives the pages (which call the service directly, with a checked or a raw query) the same answer', async () => {
    const viaApi = (await search('country=SN&theme=health&sort=newest')).body;
    const checked = parseSearchQuery({ country: 'SN', theme: ['health'], sort: 'newest' });
    expect(await searchListings(ctx.services, checked)).toEqual(viaApi);
    expect(
      await searchListings(
        ctx.services,
        searchQueryFromUrl(new URLSearchParams('country=SN&theme=health&sort=newest')),
      ),
    ).toEqual(viaApi);
    expect(() => searchQueryFromUrl(new URLSearchParams('country=SN%22%20OR%20country%20%3D%20%22MA'))).toThrow(
      InvalidInput,
    );
  });

  it('sorts by publication date and population', async () => {
    const newest = (await search('sort=newest')).body.hits.map((h: { title: string }) => h.title);
    expect(newest[0]).toBe('Centre de santé communal');
    const largest = (await search('sort=population_desc')).body.hits[0];
    expect(largest.authority).toMatchObject({ name: 'Lviv Oblast', population: 2_500_000 });
  });

  it('tolerates typos and missing accents', async () => {
    expect(titles((await search('q=asainissement')).body)).toContain(
      'Accès à l’eau potable dans les quartiers périphériques',
    );
    expect(titles((await search('q=dechets')).body)).toEqual(['Gestion des déchets ménagers']);
    expect(titles((await search('q=maternite')).body)).toEqual(['Centre de santé communal']);
  });

  it('finds requests across French, English and Spanish through synonyms', async () => {
    expect(titles((await search('q=water')).body)).toEqual([
      'Accès à l’eau potable dans les quartiers périphériques',
      'Agua potable y saneamiento para barrios rurales',
    ]);
    // "waste" is also one typo away from a prefix of "water": the exact synonym must rank first.
    expect((await search('q=waste')).body.hits[0].title).toBe('Gestion des déchets ménagers');
    expect(titles((await search('q=salud&country=SN')).body)).toEqual(['Centre de santé communal']);
    expect(titles((await search('q=escuela')).body)).toEqual(['School reconstruction after shelling']);
  });

  it('carries the authority’s translations of title and summary, for readers of those languages', async () => {
    const { body } = await search('country=EC');
    expect(body.hits[0]).toMatchObject({
      originalLanguage: 'es',
      title: 'Agua potable y saneamiento para barrios rurales',
      translations: {
        fr: {
          title: 'Eau potable et assainissement pour les quartiers ruraux',
          summary: 'Nous cherchons un partenaire français expérimenté en réseaux d’eau.',
        },
      },
    });
    expect((await search('country=MG')).body.hits[0].translations).toEqual({});
  });

  it('highlights matches as escaped HTML', async () => {
    const { body } = await search('q=marche');
    const hit = body.hits.find((h: { id: string }) => h.id === ids['<script>alert("x")</script> marché aux poissons']);
    expect(hit.highlight.title).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>marché</mark> aux poissons',
    );
    expect(hit.highlight.summary).toBe('Un <mark>marché</mark> &lt;b&gt;couvert&lt;/b&gt;.');
  });

  it('never puts contact data in the index', async () => {
    const doc = await ctx.services.meili
      .index(listingsIndexUid(ctx.services.indexPrefix))
      .getDocument(ids['Accès à l’eau potable dans les quartiers périphériques']!);
    const text = JSON.stringify(doc);
    expect(text).not.toContain('secret.example');
    expect(text).not.toContain('Awa Diop');
    expect(Object.keys(doc)).not.toEqual(expect.arrayContaining(['electedOfficial']));
    expect(Object.keys(doc)).not.toContain('technicalContact');
  });

  it('removes a request from the results when it is unpublished, and brings it back when republished', async () => {
    const id = ids['Gestion des déchets ménagers']!;
    await updateListing(ctx.services, id, { status: 'changes_requested' });
    await eventually(async () => expect((await search('q=dechets')).body.total).toBe(0));
    await updateListing(ctx.services, id, { status: 'published', title: 'Gestion des déchets ménagers' });
    await eventually(async () => expect((await search('q=dechets')).body.total).toBe(1));
  });

  it.each([
    ['country=SN%22%20OR%20country%20%3D%20%22MA', 'country'],
    ['country=sn', 'country'],
    ['theme=water', 'theme'],
    ['continent=Atlantis', 'continent'],
    ['population=huge', 'population'],
    ['language=klingon', 'language'],
    ['sort=random', 'sort'],
    ['hitsPerPage=51', 'hitsPerPage'],
    ['page=0', 'page'],
    ['page=30&hitsPerPage=50', 'page'],
    ['filter=country%3DSN', 'filter'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body.field.split('.')[0]).toBe(field);
  });

  it('answers from Postgres when Meilisearch is slow, not only when it is down', async () => {
    const silent = net.createServer(() => {}); // accepts connections, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const slow = new Meilisearch({ host: `http://127.0.0.1:${port}`, apiKey: 'x' });
    try {
      const result = await searchListings(
        { ...ctx.services, meili: slow, meiliSearch: slow },
        { q: 'potable', country: 'SN' },
        { meiliTimeoutMs: 200 },
      );
      expect(result).toMatchObject({ degraded: true, total: 1 });
    } finally {
      silent.close();
    }
  });

  it('answers from Postgres full-text search, same shape, when Meilisearch is down', async () => {
    const dead = new Meilisearch({ host: 'http://127.0.0.1:9', apiKey: 'x', timeout: 500 });
    const degradedApp = await createServer({ ...ctx.services, meili: dead, meiliSearch: dead });
    try {
      const res = await degradedApp.inject({ method: 'GET', url: '/api/v1/search?q=potable&country=SN' });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        degraded: true,
        total: 1,
        page: 1,
        facets: { country: { SN: 1 }, continent: { AF: 1 } },
      });
      expect(body.hits[0]).toMatchObject({
        title: 'Accès à l’eau potable dans les quartiers périphériques',
        authority: { name: 'Ville de Dakar' },
      });
      expect(body.hits[0].highlight.title).toContain('<mark>potable</mark>');
      const ecuador = (await degradedApp.inject({ method: 'GET', url: '/api/v1/search?country=EC' })).json();
      expect(ecuador.hits[0].translations.fr.title).toBe('Eau potable et assainissement pour les quartiers ruraux');
      // Disjunctive facets come out the same as Meilisearch's.
      for (const query of [
        'country=SN',
        'country=SN&theme=health',
        'country=UA&theme=health',
        'continent=AF&population=lt5k&language=fr',
      ]) {
        const fromPostgres = (await degradedApp.inject({ method: 'GET', url: `/api/v1/search?${query}` })).json();
        const fromMeili = (await search(query)).body;
        expect({
          query,
          facets: fromPostgres.facets,
          total: fromPostgres.total,
          totalWithout: fromPostgres.totalWithout,
        }).toEqual({
          query,
          facets: fromMeili.facets,
          total: fromMeili.total,
          totalWithout: fromMeili.totalWithout,
        });
      }
      const all = (await degradedApp.inject({ method: 'GET', url: '/api/v1/search' })).json();
      expect(all).toMatchObject({ degraded: true, total: 6 });
      expect(all.facets.country).toEqual({ SN: 3, MG: 1, EC: 1, UA: 1 });
      expect(all.facets.populationBracket).toEqual({ lt5k: 2, '100k-500k': 1, gte500k: 3 });
    } finally {
      await degradedApp.close();
    }
  });
});
