import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/api/app.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, insertListing } from '../helpers/fixtures.js';
import { OPEN_LISTING_COLUMNS } from '../../src/lib/server/opendata/listings-export.js';
import { OPEN_LISTING_SCHEMA } from '../../src/lib/opendata/listings-schema.js';

let ctx: TestContext;
let app: FastifyInstance;
beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
  const dakar = await createAuthority(ctx.services, {
    kind: 'foreign',
    country: 'SN',
    name: 'Commune de Rufisque',
    population: 300_000,
  });
  await insertListing(ctx.services, {
    authorityId: dakar.id,
    country: 'SN',
    themes: ['water_sanitation', 'health'],
    title: '=HYPERLINK("http://evil")',
  });
  await insertListing(ctx.services, {
    authorityId: dakar.id,
    country: 'SN',
    status: 'draft',
    title: 'Brouillon secret',
  });
  await insertListing(ctx.services, {
    authorityId: dakar.id,
    country: 'SN',
    status: 'submitted',
    title: 'En attente de modération',
  });
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

describe('open data', () => {
  it('publishes public requests with DAC codes and the licence, without any personal data', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/open-data/listings.json' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.licence.spdx).toBe('etalab-2.0');
    expect(body.count).toBe(1);
    expect(body.listings[0]).toMatchObject({
      countryCode: 'SN',
      countryName: 'Sénégal',
      continent: 'AF',
      themes: ['water_sanitation', 'health'],
    });
    expect(body.listings[0].dacCodes).toEqual(expect.arrayContaining(['140', '121', '122', '123']));
    expect(res.body).not.toContain('Secret');
    expect(res.body).not.toContain('@example.sn');
    expect(res.body).not.toContain('Brouillon');
  });

  it('serves the same rows as CSV, with formula-looking cells neutralised', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/open-data/listings.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.split(',')).toContain('dacCodes');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(res.body).not.toContain('@example.sn');
  });

  it('serves a semicolon CSV with a BOM for French spreadsheets, the same rows and columns', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/open-data/listings.semicolon.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const [header, row] = res.body.slice(1).trim().split('\r\n');
    expect(header!.split(';')).toEqual([...OPEN_LISTING_COLUMNS]);
    expect(row!.split(';')[OPEN_LISTING_COLUMNS.indexOf('countryName')]).toBe('Sénégal');
    expect(row!.split(';')[OPEN_LISTING_COLUMNS.indexOf('themes')]).toBe('water_sanitation|health');
  });

  it('describes every column in a Table Schema, in the order of the files', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/open-data/listings.schema.json' });
    expect(res.statusCode).toBe(200);
    const schema = res.json();
    expect(schema.fields.map((f: { name: string }) => f.name)).toEqual([...OPEN_LISTING_COLUMNS]);
    expect(schema.fields.find((f: { name: string }) => f.name === 'population')).toMatchObject({ type: 'integer' });
    expect(schema.primaryKey).toBe('id');
    for (const column of OPEN_LISTING_SCHEMA)
      expect(
        Object.values(column.description).every((text) => text.length > 5),
        column.name,
      ).toBe(true);
  });

  it('lists the public endpoints first in the API documentation', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.tags.slice(0, 2).map((t: { name: string }) => t.name)).toEqual(['search', 'open data']);
    expect(doc.tags.at(-1).name).toBe('auth');
  });
});
