import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { loadActor, type Actor } from '../../src/lib/server/auth/actor.js';
import { authorities, partnerships } from '../../src/lib/server/db/schema/index.js';
import { searchFrenchAuthorities } from '../../src/lib/server/authorities/french-search.js';
import {
  confirmPartnership,
  declarePartnership,
  endPartnership,
  partnershipsOfMyAuthority,
  pendingPartnershipsInPerimeter,
} from '../../src/lib/server/partnerships/declare.js';
import { partnershipFigures } from '../../src/lib/server/partnerships/figures.js';
import { frenchPresenceIn } from '../../src/lib/server/partnerships/presence.js';
import { authorityRecordsToTie, tieAuthorityRecord } from '../../src/lib/server/partnerships/records.js';
import { readKeyFigures } from '../../src/lib/server/statistics/statistics.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, createUser } from '../helpers/fixtures.js';

// Issue 17: a partnership declared with its details, with a foreign authority that has no account yet, confirmed
// by the country's correspondent, tied to the authority once it registers; every figure from one source.
let ctx: TestContext;
let lannion: { id: string };
let actors: Record<'lannion' | 'pendingMember' | 'correspondentSN' | 'correspondentMA' | 'kedougou', Actor>;

async function actor(userId: string) {
  return (await loadActor(ctx.services.db, userId, null))!;
}

beforeAll(async () => {
  ctx = await createTestServices();
  lannion = await createAuthority(ctx.services, {
    kind: 'french',
    country: 'FR',
    type: 'commune',
    name: 'Lannion',
    officialCode: '22113',
    departement: "Côtes-d'Armor (22)",
    region: 'Bretagne',
    population: 20_000,
  });
  await createAuthority(ctx.services, {
    kind: 'french',
    country: 'FR',
    type: 'commune',
    name: 'Montreuil',
    officialCode: '93048',
    departement: 'Seine-Saint-Denis (93)',
    region: 'Île-de-France',
  });
  await createAuthority(ctx.services, {
    kind: 'french',
    country: 'FR',
    type: 'commune',
    name: 'Montreuil',
    officialCode: '62588',
    departement: 'Pas-de-Calais (62)',
    region: 'Hauts-de-France',
  });
  const member = await createUser(ctx.services, { role: 'french_authority', authorityId: lannion.id });
  const pending = await createUser(ctx.services, {
    role: 'french_authority',
    authorityId: lannion.id,
    membership: 'pending',
  });
  const sn = await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] });
  const ma = await createUser(ctx.services, { role: 'correspondent', countries: ['MA'] });
  actors = {
    lannion: await actor(member.id),
    pendingMember: await actor(pending.id),
    correspondentSN: await actor(sn.id),
    correspondentMA: await actor(ma.id),
    kedougou: undefined as unknown as Actor,
  };
});
afterAll(async () => {
  await ctx?.cleanup();
});

describe('declaring a partnership with its details', () => {
  let recordId = '';
  let partnershipId = '';

  it('Lannion names Kédougou, which has no account: a record is created and the claim waits, with its details', async () => {
    const result = await declarePartnership(ctx.services, actors.lannion, {
      frenchAuthorityId: lannion.id,
      newForeignAuthority: { name: '  Commune de   Kédougou ', country: 'SN' },
      themes: ['water_sanitation', 'water_sanitation'],
      startedOn: '2015-03-01',
      description: 'Accès à l’eau dans les quartiers.',
      link: 'www.lannion.fr/kedougou',
    });
    expect(result).toMatchObject({ created: true, status: 'pending' });
    partnershipId = result.id;
    const [row] = await ctx.services.db.select().from(partnerships).where(eq(partnerships.id, result.id));
    expect(row).toMatchObject({
      themes: ['water_sanitation'],
      startedOn: '2015-03-01',
      endedOn: null,
      description: 'Accès à l’eau dans les quartiers.',
      link: 'https://www.lannion.fr/kedougou',
      declaredBySide: 'french',
    });
    const [record] = await ctx.services.db
      .select()
      .from(authorities)
      .where(eq(authorities.id, row!.foreignAuthorityId));
    expect(record).toMatchObject({
      name: 'Commune de Kédougou',
      country: 'SN',
      kind: 'foreign',
      recordedFrom: 'partnership',
    });
    recordId = record!.id;
    // The same name again is the same record, not a second Kédougou (and the same live pair: no second claim).
    const again = await declarePartnership(ctx.services, actors.lannion, {
      frenchAuthorityId: lannion.id,
      newForeignAuthority: { name: 'commune de kédougou', country: 'SN' },
    });
    expect(again).toMatchObject({ id: partnershipId, created: false, status: 'pending' });
    const mine = await partnershipsOfMyAuthority(ctx.services.db, actors.lannion);
    expect(mine.map((p) => [p.foreignAuthority.name, p.status, p.canConfirm, p.canEnd])).toEqual([
      ['Commune de Kédougou', 'pending', false, true],
    ]);
    // Pending: in no public figure yet.
    expect((await partnershipFigures(ctx.services.sql)).confirmed).toBe(0);
  });

  it.each([
    ['a javascript: link', { link: 'javascript:alert(1)' }, 'link'],
    ['an unknown theme', { themes: ['not_a_theme'] }, 'themes'],
    ['an impossible date', { startedOn: '2015-13-45' }, 'startedOn'],
    ['an end before the start', { startedOn: '2020-01-01', endedOn: '2019-01-01' }, 'endedOn'],
    ['a 2,001-character description', { description: 'x'.repeat(2001) }, 'description'],
  ])('refuses %s on its field, writing nothing', async (_label, details, field) => {
    const before = (await ctx.services.db.select().from(partnerships)).length;
    await expect(
      declarePartnership(ctx.services, actors.lannion, {
        frenchAuthorityId: lannion.id,
        newForeignAuthority: { name: 'Commune de Podor', country: 'SN' },
        ...details,
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', details: { field } });
    expect((await ctx.services.db.select().from(partnerships)).length).toBe(before);
    expect(await ctx.services.db.select().from(authorities).where(eq(authorities.name, 'Commune de Podor'))).toEqual(
      [],
    );
  });

  it('refuses a foreign authority in France, and a pending member, before creating any record', async () => {
    await expect(
      declarePartnership(ctx.services, actors.lannion, {
        frenchAuthorityId: lannion.id,
        newForeignAuthority: { name: 'Commune de Brest', country: 'FR' },
      }),
    ).rejects.toMatchObject({ details: { field: 'foreignCountry' } });
    await expect(
      declarePartnership(ctx.services, actors.pendingMember, {
        frenchAuthorityId: lannion.id,
        newForeignAuthority: { name: 'Commune de Matam', country: 'SN' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await ctx.services.db.select().from(authorities).where(eq(authorities.country, 'FR'))).toHaveLength(3);
    expect(await ctx.services.db.select().from(authorities).where(eq(authorities.name, 'Commune de Matam'))).toEqual(
      [],
    );
  });

  it('the correspondent of Senegal sees the claim and the record; the one of Morocco sees neither and cannot confirm', async () => {
    expect((await pendingPartnershipsInPerimeter(ctx.services.db, actors.correspondentSN)).map((p) => p.id)).toEqual([
      partnershipId,
    ]);
    expect((await authorityRecordsToTie(ctx.services.db, actors.correspondentSN)).map((r) => r.id)).toEqual([recordId]);
    expect(await pendingPartnershipsInPerimeter(ctx.services.db, actors.correspondentMA)).toEqual([]);
    expect(await authorityRecordsToTie(ctx.services.db, actors.correspondentMA)).toEqual([]);
    await expect(confirmPartnership(ctx.services, actors.correspondentMA, partnershipId)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(confirmPartnership(ctx.services, actors.lannion, partnershipId)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('Kédougou registers; the correspondent ties the record to it; its member sees the claim and confirms it', async () => {
    const registered = await createAuthority(ctx.services, {
      kind: 'foreign',
      country: 'SN',
      name: 'Commune de Kedougou',
    });
    const member = await createUser(ctx.services, { role: 'foreign_authority', authorityId: registered.id });
    actors.kedougou = await actor(member.id);
    const [record] = await authorityRecordsToTie(ctx.services.db, actors.correspondentSN);
    expect(record!.partnerships).toBe(1);
    expect(record!.candidates.map((c) => c.name)).toEqual(['Commune de Kedougou']);
    expect(record!.candidates[0]).toMatchObject({ id: registered.id, name: 'Commune de Kedougou' });
    await expect(
      tieAuthorityRecord(ctx.services.db, actors.correspondentMA, recordId, registered.id),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const tied = await tieAuthorityRecord(ctx.services.db, actors.correspondentSN, recordId, registered.id);
    expect(tied.moved.partnerships).toBe(1);
    expect(await ctx.services.db.select().from(authorities).where(eq(authorities.id, recordId))).toEqual([]);
    const theirs = await partnershipsOfMyAuthority(ctx.services.db, actors.kedougou);
    expect(theirs.map((p) => [p.id, p.frenchAuthority.name, p.canConfirm])).toEqual([[partnershipId, 'Lannion', true]]);
    await confirmPartnership(ctx.services, actors.kedougou, partnershipId);
  });

  it('one source: the home figure, the statistics and the country page count the same confirmed partnerships', async () => {
    const figures = await partnershipFigures(ctx.services.sql);
    expect(figures).toEqual({ confirmed: 1, frenchAuthorities: 1, byCountry: { SN: 1 } });
    expect((await readKeyFigures(ctx.services.sql)).partnerships).toBe(1);
    expect((await partnershipFigures(ctx.services.sql, ['SN'])).byCountry.SN).toBe(1);
    expect((await partnershipFigures(ctx.services.sql, ['MA'])).confirmed).toBe(0);
    const presence = await frenchPresenceIn(ctx.services.db, 'SN');
    expect(presence.reduce((n, p) => n + p.partnerships, 0)).toBe(1);
    await endPartnership(ctx.services, actors.kedougou, partnershipId, 'Fin de la convention');
    expect(await partnershipFigures(ctx.services.sql)).toEqual({ confirmed: 0, frenchAuthorities: 0, byCountry: {} });
    expect((await readKeyFigures(ctx.services.sql)).partnerships).toBe(0);
  });
});

describe('staff search of French authorities', () => {
  it('finds by name (accents aside), code, département number or name, and région; members are refused', async () => {
    const search = (input: Parameters<typeof searchFrenchAuthorities>[2]) =>
      searchFrenchAuthorities(ctx.services.db, actors.correspondentSN, input);
    expect((await search({ q: 'montreuil' })).hits.map((h) => h.officialCode).sort()).toEqual(['62588', '93048']);
    expect((await search({ q: 'MONTREUIL', departement: '93' })).hits.map((h) => h.officialCode)).toEqual(['93048']);
    expect((await search({ departement: 'cotes-d' })).hits.map((h) => h.name)).toEqual(['Lannion']);
    expect((await search({ region: 'ile-de-france' })).hits.map((h) => h.officialCode)).toEqual(['93048']);
    expect((await search({ q: '22113' })).hits.map((h) => h.name)).toEqual(['Lannion']);
    expect((await search({ q: '100%_' })).total).toBe(0);
    await expect(search({ q: 'x'.repeat(121) })).rejects.toMatchObject({ details: { field: 'q' } });
    await expect(searchFrenchAuthorities(ctx.services.db, actors.lannion, { q: 'Lannion' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
