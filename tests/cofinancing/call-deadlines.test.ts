import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { callsClosingFor, sendCallDeadlineAlerts } from '../../src/lib/server/alerts/call-deadlines.js';
import { loadCofinancingReference, todayInFrance } from '../../src/lib/server/cofinancing/catalogue.js';
import type { CatalogueEntry } from '../../src/lib/server/cofinancing/fit.js';
import { REFERENCE_PROGRAMMES } from '../../src/lib/server/cofinancing/reference.js';
import { cofinancingProgrammes, savedSearches, users } from '../../src/lib/server/db/schema/index.js';
import { listOutbox } from '../../src/lib/server/mail/outbox.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createUser } from '../helpers/fixtures.js';

const TODAY = '2026-12-01';
const catalogue: CatalogueEntry[] = REFERENCE_PROGRAMMES.map((p, i) => ({
  ...p,
  id: `id-${i}`,
  closedAt: null,
  ...(p.slug.startsWith('dctciv-')
    ? {
        opensOn: '2026-11-01',
        closesOn:
          p.slug === 'dctciv-franco-senegalais'
            ? '2026-12-15'
            : p.slug === 'dctciv-patrimoine'
              ? '2026-12-08'
              : '2027-02-28',
      }
    : {}),
}));
const names = (query: Record<string, string | string[]>, today = TODAY) =>
  callsClosingFor(query, catalogue, today).map((c) => [c.programme.slug, c.closesInDays]);

describe('calls closing soon, per saved search', () => {
  it.each<{ query: Record<string, string | string[]>; expected: Array<[string, number]> }>([
    { query: { country: ['SN'], theme: 'water_sanitation' }, expected: [['dctciv-franco-senegalais', 14]] },
    { query: { country: ['SN', 'MA'] }, expected: [['dctciv-franco-senegalais', 14]] },
    { query: { theme: 'culture_heritage' }, expected: [['dctciv-patrimoine', 7]] },
    // Heritage in Senegal: both calls; in Morocco, the Senegalese call is ruled out, the heritage one is not.
    {
      query: { country: ['SN'], theme: 'culture_heritage' },
      expected: [
        ['dctciv-patrimoine', 7],
        ['dctciv-franco-senegalais', 14],
      ],
    },
    { query: { country: ['MA'], theme: 'culture_heritage' }, expected: [['dctciv-patrimoine', 7]] },
    // No country, no theme: only calls open to all would fit, and those are not alert material.
    { query: { q: 'eau' }, expected: [] },
    { query: { country: ['UA'] }, expected: [] }, // the Ukrainian call closes in 89 days
  ])('$query → $expected', ({ query, expected }) => {
    expect(names(query)).toEqual(expected);
  });

  it('not after the closing day, not before the call opens', () => {
    expect(names({ country: ['SN'] }, '2026-12-16')).toEqual([]);
    expect(names({ country: ['SN'] }, '2026-12-15')).toEqual([['dctciv-franco-senegalais', 0]]);
    expect(names({ country: ['SN'] }, '2026-10-20')).toEqual([]);
  });
});

describe('call deadline alerts', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestServices();
    await loadCofinancingReference(ctx.services.db);
  });
  afterAll(async () => ctx?.cleanup());

  it('mails "the call X closes in 14 days" once to the saved searches it fits, in their language', async () => {
    const { db } = ctx.services;
    const today = todayInFrance();
    const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    await db
      .update(cofinancingProgrammes)
      .set({ opensOn: day(-30), closesOn: day(14), datesToConfirm: true })
      .where(eq(cofinancingProgrammes.slug, 'dctciv-franco-senegalais'));
    const fr = await createUser(ctx.services, { role: 'french_authority', email: 'veille@lannion.example.fr' });
    const en = await createUser(ctx.services, { role: 'french_authority', email: 'watch@brest.example.fr' });
    const other = await createUser(ctx.services, { role: 'french_authority', email: 'maroc@nantes.example.fr' });
    await db.update(users).set({ locale: 'en' }).where(eq(users.id, en.id));
    const token = new Uint8Array(32);
    await db.insert(savedSearches).values([
      {
        userId: fr.id,
        name: 'Eau au Sénégal',
        query: { country: ['SN'], theme: ['water_sanitation'] },
        frequency: 'weekly',
        unsubscribeTokenHash: token.map((_, i) => i + 1),
      },
      {
        userId: en.id,
        name: 'Senegal',
        query: { country: ['SN'] },
        frequency: 'daily',
        unsubscribeTokenHash: token.map((_, i) => i + 2),
      },
      {
        userId: other.id,
        name: 'Maroc',
        query: { country: ['MA'] },
        frequency: 'daily',
        unsubscribeTokenHash: token.map((_, i) => i + 3),
      },
    ]);

    expect(await sendCallDeadlineAlerts(ctx.services)).toEqual({ sent: 2 });
    expect(await sendCallDeadlineAlerts(ctx.services)).toEqual({ sent: 0 });
    const mails = await listOutbox(ctx.services.config);
    const toFr = mails.find((m) => m.to.includes('veille@lannion.example.fr'))!;
    expect(toFr.subject).toBe('L’appel « Appel à projets franco-sénégalais » clôt dans 14 jours');
    const toEn = mails.find((m) => m.to.includes('watch@brest.example.fr'))!;
    expect(toEn.subject).toBe('The call "Appel à projets franco-sénégalais" closes in 14 days');
    expect(mails.some((m) => m.to.includes('maroc@nantes.example.fr'))).toBe(false);
  });
});
