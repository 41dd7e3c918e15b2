import { partnerships } from '../../src/lib/server/db/schema/index.js';
import { createAuthority } from '../helpers/fixtures.js';
import { describe, expect, test as it } from '../helpers/test.js';

// Issue 17: staff search French authorities through GET /api/v1/french-authorities (the same service as the page
// /moderation/collectivites-francaises): correspondents and admins only, every refusal a problem naming its field.
describe('GET /api/v1/french-authorities', () => {
  it('finds by name, code, département and région with confirmed partnerships; members 403, anonymous 401', async ({
    services,
    api,
    signedInAs,
  }) => {
    const lannion = await createAuthority(services, {
      kind: 'french',
      country: 'FR',
      name: 'Lannion',
      officialCode: '22113',
      departement: "Côtes-d'Armor (22)",
      region: 'Bretagne',
      population: 20_000,
    });
    for (const [code, departement, region] of [
      ['93048', 'Seine-Saint-Denis (93)', 'Île-de-France'],
      ['62588', 'Pas-de-Calais (62)', 'Hauts-de-France'],
    ])
      await createAuthority(services, {
        kind: 'french',
        country: 'FR',
        name: 'Montreuil',
        officialCode: code,
        departement,
        region,
      });
    const ziguinchor = await createAuthority(services, { kind: 'foreign', country: 'SN', name: 'Ziguinchor' });
    const thies = await createAuthority(services, { kind: 'foreign', country: 'SN', name: 'Thiès' });
    await services.db.insert(partnerships).values([
      { frenchAuthorityId: lannion.id, foreignAuthorityId: ziguinchor.id, source: 'declared', status: 'confirmed' },
      // A claim not confirmed yet is not a partnership.
      { frenchAuthorityId: lannion.id, foreignAuthorityId: thies.id, source: 'declared', status: 'pending' },
    ]);
    const search = async (query: string, headers?: Record<string, string>) =>
      api.call('GET', `/api/v1/french-authorities?${query}`, headers ?? (await signedInAs('correspondent')));

    const montreuil = await search('q=MONTREUIL');
    expect(montreuil.statusCode).toBe(200);
    expect(montreuil.json()).toMatchObject({ total: 2, page: 1, pageSize: 25, pages: 1 });
    expect(
      montreuil
        .json()
        .items.map((i: { officialCode: string }) => i.officialCode)
        .sort(),
    ).toEqual(['62588', '93048']);
    const byCode = (await search('q=22113')).json();
    expect(byCode.items).toEqual([
      expect.objectContaining({ id: lannion.id, name: 'Lannion', region: 'Bretagne', confirmedPartnerships: 1 }),
    ]);
    expect((await search('q=montreuil&departement=93')).json().items.map((i: { region: string }) => i.region)).toEqual([
      'Île-de-France',
    ]);
    expect((await search('departement=cotes-d')).json().items.map((i: { name: string }) => i.name)).toEqual([
      'Lannion',
    ]);
    expect(
      (await search('region=hauts-de-france')).json().items.map((i: { officialCode: string }) => i.officialCode),
    ).toEqual(['62588']);
    expect((await search('q=montreuil&page=2')).json()).toMatchObject({ total: 2, page: 2, items: [] });
    // An admin (every country) too; a correspondent covering another country as well: this is not per country.
    expect((await search('q=Lannion', await signedInAs('admin'))).statusCode).toBe(200);
    expect((await search('q=Lannion', await signedInAs('correspondent', { countries: ['MA'] }))).statusCode).toBe(200);

    for (const role of ['french_authority', 'foreign_authority'] as const) {
      const refused = await search('q=Lannion', await signedInAs(role));
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    const anonymous = await api.call('GET', '/api/v1/french-authorities?q=Lannion');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().items).toBeUndefined();
  });

  it('refuses bad input with 400 problem+json naming the field, never a 500', async ({ api, signedInAs }) => {
    const headers = await signedInAs('admin');
    const cases: Array<[string, string]> = [
      [`q=${'x'.repeat(121)}`, 'q'],
      ['q=Lan%00nion', 'q'],
      ['departement=22%0A', 'departement'],
      ['region=Bre%09tagne', 'region'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['page=1001', 'page'],
      ['unknown=1', 'unknown'],
    ];
    for (const [query, field] of cases) {
      const res = await api.call('GET', `/api/v1/french-authorities?${query}`, headers);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().field, query).toBe(field);
    }
  });
});
