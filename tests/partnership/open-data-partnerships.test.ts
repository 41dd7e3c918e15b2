import { describe, expect } from 'vitest';
import { OPEN_PARTNERSHIP_SCHEMA } from '../../src/lib/opendata/partnerships-schema.js';
import { partnerships } from '../../src/lib/server/db/schema/index.js';
import { OPEN_PARTNERSHIP_COLUMNS } from '../../src/lib/server/opendata/partnerships-export.js';
import { partnershipFigures } from '../../src/lib/server/partnerships/figures.js';
import type { Services } from '../../src/lib/server/runtime/services.js';
import { createAuthority, createUser } from '../helpers/fixtures.js';
import { test as it } from '../helpers/test.js';

// Confirmed partnerships as open data: the set partnershipFigures counts, with no person in it.

let seeded = false;
async function seed(services: Services) {
  if (seeded) return;
  seeded = true;
  const lannion = await createAuthority(services, {
    kind: 'french',
    country: 'FR',
    type: 'commune',
    name: 'Lannion',
    officialCode: '22113',
    region: 'Bretagne',
  });
  const bretagne = await createAuthority(services, {
    kind: 'french',
    country: 'FR',
    type: 'region',
    name: 'Région Bretagne',
    officialCode: 'REG-53',
    region: 'Bretagne',
  });
  const ziguinchor = await createAuthority(services, { kind: 'foreign', country: 'SN', name: 'Commune de Ziguinchor' });
  const meknes = await createAuthority(services, { kind: 'foreign', country: 'MA', name: '=cmd|Meknès' });
  const declarer = await createUser(services, {
    role: 'french_authority',
    authorityId: lannion.id,
    email: 'elu.prive@lannion.example',
  });
  await services.db.insert(partnerships).values([
    {
      frenchAuthorityId: lannion.id,
      foreignAuthorityId: ziguinchor.id,
      source: 'declared',
      status: 'confirmed',
      confirmedAt: new Date('2026-03-01T10:00:00Z'),
      themes: ['water_sanitation', 'culture_heritage'],
      startedOn: '2008-05-01',
      description: 'Contact : Jean Dupont, 06 12 34 56 78, jean.dupont@lannion.example',
      link: 'https://www.lannion.bzh/jumelage',
      createdBy: declarer.id,
      confirmedBy: declarer.id,
    },
    {
      frenchAuthorityId: bretagne.id,
      foreignAuthorityId: meknes.id,
      source: 'declared',
      status: 'confirmed',
      confirmedAt: new Date('2026-04-01T10:00:00Z'),
      themes: ['youth_sport_citizenship'],
      startedOn: '1999-01-01',
      endedOn: '2015-12-31',
    },
    // A claim nobody confirmed yet, and a withdrawn one: not partnerships, not published.
    {
      frenchAuthorityId: bretagne.id,
      foreignAuthorityId: ziguinchor.id,
      source: 'declared',
      status: 'pending',
      themes: [],
    },
    {
      frenchAuthorityId: lannion.id,
      foreignAuthorityId: meknes.id,
      source: 'declared',
      status: 'ended',
      themes: [],
    },
  ]);
}

describe('partnerships open data', () => {
  it('publishes exactly the confirmed partnerships the figures count, with the licence and DAC codes', async ({
    services,
    api,
  }) => {
    await seed(services);
    const res = await api.call('GET', '/api/v1/open-data/partnerships.json');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.licence.spdx).toBe('etalab-2.0');
    expect(body.count).toBe((await partnershipFigures(services.sql)).confirmed);
    expect(body.count).toBe(2);
    const lannion = body.partnerships.find((p: { frenchAuthorityName: string }) => p.frenchAuthorityName === 'Lannion');
    expect(lannion).toMatchObject({
      frenchAuthorityCode: '22113',
      frenchAuthorityType: 'commune',
      frenchAuthorityRegion: 'Bretagne',
      foreignAuthorityName: 'Commune de Ziguinchor',
      countryCode: 'SN',
      countryName: 'Sénégal',
      themes: ['water_sanitation', 'culture_heritage'],
      startedOn: '2008-05-01',
      endedOn: null,
      link: 'https://www.lannion.bzh/jumelage',
      confirmedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(lannion.frenchAuthorityUrl).toMatch(/\/collectivites\/[0-9a-f-]{36}$/);
    expect(lannion.dacCodes).toEqual(expect.arrayContaining(['140', '16066']));
    const region = body.partnerships.find((p: { frenchAuthorityType: string }) => p.frenchAuthorityType === 'region');
    // A région's INSEE code, without the prefix that keeps it apart from départements in the database.
    expect(region).toMatchObject({ frenchAuthorityCode: '53', endedOn: '2015-12-31' });
    expect(region.dacCodes).not.toContain('16062');
  });

  it('holds no person: neither who declared or confirmed, nor the free-text description', async ({ services, api }) => {
    await seed(services);
    for (const path of ['partnerships.json', 'partnerships.csv', 'partnerships.semicolon.csv']) {
      const res = await api.call('GET', `/api/v1/open-data/${path}`);
      expect(res.statusCode, path).toBe(200);
      for (const secret of [
        'elu.prive@',
        'jean.dupont',
        'Jean Dupont',
        '06 12 34',
        'createdBy',
        'confirmedBy',
        'description',
      ])
        expect(res.body, `${path}: ${secret}`).not.toContain(secret);
    }
  });

  it('serves both CSVs with a BOM, the columns in schema order and formula-looking cells neutralised', async ({
    services,
    api,
  }) => {
    await seed(services);
    const comma = await api.call('GET', '/api/v1/open-data/partnerships.csv');
    expect(comma.headers['content-type']).toContain('text/csv');
    expect(comma.headers.link).toContain('partnerships.schema.json');
    expect(comma.body.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = comma.body.slice(1).trim().split('\r\n');
    expect(header!.split(',')).toEqual([...OPEN_PARTNERSHIP_COLUMNS]);
    expect(rows).toHaveLength(2);
    expect(comma.body).toContain("'=cmd|Meknès");
    const semicolon = await api.call('GET', '/api/v1/open-data/partnerships.semicolon.csv');
    const [semiHeader, ...semiRows] = semicolon.body.slice(1).trim().split('\r\n');
    expect(semiHeader!.split(';')).toEqual([...OPEN_PARTNERSHIP_COLUMNS]);
    expect(semiRows).toHaveLength(2);
    const lannion = semiRows.find((r) => r.includes('Lannion'))!.split(';');
    expect(lannion[OPEN_PARTNERSHIP_COLUMNS.indexOf('themes')]).toBe('water_sanitation|culture_heritage');
  });

  it('describes every column in a Table Schema, in file order, in the six interface languages', async ({ api }) => {
    const res = await api.call('GET', '/api/v1/open-data/partnerships.schema.json');
    expect(res.statusCode).toBe(200);
    const schema = res.json();
    expect(schema.fields.map((f: { name: string }) => f.name)).toEqual([...OPEN_PARTNERSHIP_COLUMNS]);
    expect(schema.fields.find((f: { name: string }) => f.name === 'startedOn').type).toBe('date');
    for (const column of OPEN_PARTNERSHIP_SCHEMA)
      for (const locale of ['fr', 'en', 'es', 'pt', 'ar', 'uk'] as const)
        expect(column.description[locale].trim(), `${column.name} ${locale}`).not.toBe('');
  });
});
