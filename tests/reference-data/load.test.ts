import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/server/logger.js';
import { createServer } from '../../src/api/app.js';
import { ensureReferenceData, referenceDataState } from '../../src/lib/server/reference-data/load.js';
import { createTestServices, type TestContext } from '../helpers/services.js';

// The real official data (37,000 communes and more): the load is what an operator's first start does.
let ctx: TestContext;
let app: Awaited<ReturnType<typeof createServer>>;
const lines: Array<{ msg: string; percent?: number }> = [];
const logger = createLogger({ logLevel: 'silent' });
logger.info = ((obj: unknown, msg?: string) => {
  lines.push({ msg: msg ?? String(obj), percent: (obj as { percent?: number })?.percent });
}) as typeof logger.info;

beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
}, 180_000);
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

describe('reference data loaded by the app', () => {
  it('loads every French authority once, records the version, reports progress, and skips when up to date', async () => {
    const first = await ensureReferenceData(ctx.services.db, { logger });
    const french = first.find((r) => r.dataset === 'french-authorities')!;
    expect(french.loaded).toBe(true);
    expect(french.rows).toBeGreaterThan(36_000);
    expect(lines.filter((l) => l.msg === 'French authorities: loading').map((l) => l.percent)).toContain(100);

    const counts = await ctx.services.sql<
      { type: string; n: number }[]
    >`select type, count(*)::int as n from authorities where kind = 'french' group by type`;
    const byType = Object.fromEntries(counts.map((c) => [c.type, c.n]));
    expect(byType.region).toBeGreaterThanOrEqual(18);
    expect(byType.departement).toBeGreaterThanOrEqual(101);
    expect(byType.epci).toBeGreaterThan(1_200);
    expect(byType.commune).toBeGreaterThan(34_000);

    const state = await referenceDataState(ctx.services.db);
    expect(state.map((s) => s.dataset)).toEqual(['countries', 'french-authorities']);
    expect(state.find((s) => s.dataset === 'french-authorities')).toMatchObject({
      source: '@etalab/decoupage-administratif',
      version: french.version,
    });
    expect(state.find((s) => s.dataset === 'countries')!.rows).toBeGreaterThanOrEqual(245);

    const again = await ensureReferenceData(ctx.services.db, { logger });
    expect(again.find((r) => r.dataset === 'french-authorities')!.loaded).toBe(false);
    const [{ n }] = await ctx.services.sql<
      [{ n: number }]
    >`select count(*)::int as n from authorities where kind = 'french'`;
    expect(n).toBe(french.rows);
  }, 180_000);

  it('lets registration find Brest, Grenoble, Pessac and the Montreuil of each département', async () => {
    const search = async (q: string) => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/auth/french-authorities?q=${encodeURIComponent(q)}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().results as Array<{
        name: string;
        type: string;
        officialCode: string;
        departement: string | null;
      }>;
    };
    expect((await search('Brest'))[0]).toMatchObject({
      name: 'Brest',
      type: 'commune',
      officialCode: '29019',
      departement: 'Finistère (29)',
    });
    expect((await search('Grenoble'))[0]).toMatchObject({ name: 'Grenoble', departement: 'Isère (38)' });
    expect((await search('33318'))[0]).toMatchObject({ name: 'Pessac', departement: 'Gironde (33)' });
    const montreuils = (await search('Montreuil')).filter((r) => r.name === 'Montreuil');
    expect(montreuils.length).toBeGreaterThanOrEqual(3);
    expect(new Set(montreuils.map((m) => m.departement)).size).toBe(montreuils.length);
    expect(montreuils[0]).toMatchObject({ departement: 'Seine-Saint-Denis (93)' });
    // An EPCI by its SIREN: Brest métropole.
    expect((await search('242900314'))[0]).toMatchObject({ type: 'epci' });
  }, 60_000);
});
