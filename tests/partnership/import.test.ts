import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { utils as sheetUtils, write as writeWorkbook } from '@e965/xlsx';
import { loadActor, type Actor } from '../../src/lib/server/auth/actor.js';
import { loadFrenchAuthorities } from '../../src/lib/server/authorities/french-loader.js';
import {
  authorities,
  partnershipImportBatches,
  partnerships,
  trustEvents,
} from '../../src/lib/server/db/schema/index.js';
import { DEMO_FRENCH_COMMUNES } from '../../src/lib/server/demo/accounts.js';
import { partnershipFigures } from '../../src/lib/server/partnerships/figures.js';
import { createImportBatch, readImportBatch, reportOf } from '../../src/lib/server/partnerships/import/batches.js';
import { startCommit } from '../../src/lib/server/partnerships/import/commit.js';
import { guessMapping } from '../../src/lib/server/partnerships/import/map.js';
import { startDryRun } from '../../src/lib/server/partnerships/import/match.js';
import { parseImportFile } from '../../src/lib/server/partnerships/import/parse.js';
import { neutraliseCell, reportCsv } from '../../src/lib/server/partnerships/import/report.js';
import { rollbackImportBatch } from '../../src/lib/server/partnerships/import/rollback.js';
import type { Services } from '../../src/lib/server/runtime/services.js';
import { createAuthority } from '../helpers/fixtures.js';
import { describe, expect, test as it } from '../helpers/test.js';
import {
  ATLAS_CSV_PATH,
  ATLAS_EXPECTED,
  ATLAS_HEADERS,
  atlasCsv,
  atlasRows,
} from '../fixtures/partnership-import/atlas-500.js';

// Issue 17, item 5: an admin imports an Atlas-like file of existing partnerships (dry run, idempotent commit,
// rollback), on a real PostgreSQL holding the demo's French authorities.

const bytes = (text: string) => new TextEncoder().encode(text);
const labels = {
  headers: [
    'line',
    'outcome',
    'reason',
    'field',
    'french',
    'matched',
    'sim',
    'foreign',
    'known',
    'country',
    'themes',
    'unknown',
    'start',
    'end',
  ],
  outcome: (o: string) => o,
  reason: (r: string) => r,
  field: (f: string) => f,
  foreignKnown: (k: boolean) => (k ? 'known' : 'new'),
};

async function admin(services: Services, signIn: (role: 'admin') => Promise<{ user: { id: string } }>): Promise<Actor> {
  const { user } = await signIn('admin');
  return (await loadActor(services.db, user.id, null))!;
}

async function dryRun(services: Services, actor: Actor, text: string | Uint8Array, name = 'atlas.csv') {
  const batch = await createImportBatch(services.db, actor, {
    name,
    bytes: typeof text === 'string' ? bytes(text) : text,
  });
  const { done } = await startDryRun(services, actor, batch.id, guessMapping(ATLAS_HEADERS));
  await done;
  return readImportBatch(services.db, actor, batch.id);
}

const importedCount = async (services: Services, batchId: string) =>
  (await services.db.select().from(partnerships).where(eq(partnerships.importBatchId, batchId))).length;

describe.sequential('partnership import', () => {
  it('the committed fixture is the generator’s output (500 rows, mixed)', () => {
    expect(readFileSync(ATLAS_CSV_PATH, 'utf8')).toBe(atlasCsv());
    expect(atlasRows()).toHaveLength(500);
  });

  it('guesses the mapping from French and English headers', () => {
    // Columns in file order; the partner's column says "partenaire", the end year "fin" / "until".
    const inOrder = { frenchName: 0, frenchCode: 1, foreignName: 2, country: 3, themes: 4, startYear: 5, endYear: 6 };
    expect(guessMapping(ATLAS_HEADERS)).toEqual(inOrder);
    const english = ['French authority', 'INSEE code', 'Partner authority', 'Country', 'Themes', 'Since', 'Until'];
    expect(guessMapping(english)).toEqual(inOrder);
  });

  it('dry run: counts matched by code, by name, unmatched, invalid and duplicates; writes no partnership', async ({
    services,
    signIn,
  }) => {
    await loadFrenchAuthorities(services.db, { communes: [...DEMO_FRENCH_COMMUNES] });
    const actor = await admin(services, signIn);
    const before = await partnershipFigures(services.sql);
    const batch = await dryRun(services, actor, atlasCsv());
    expect(batch.status).toBe('ready');
    expect(batch.processed).toBe(500);
    const report = reportOf(batch)!;
    expect(report.counts).toEqual(ATLAS_EXPECTED);
    expect(report.rows).toHaveLength(500);
    const reasons = (outcome: string) =>
      Object.fromEntries(
        [...new Set(report.rows.filter((r) => r.outcome === outcome).map((r) => r.reason))].map((reason) => [
          reason,
          report.rows.filter((r) => r.outcome === outcome && r.reason === reason).length,
        ]),
      );
    expect(reasons('unmatched')).toEqual({ unknown_code: 25, no_similar_name: 25, ambiguous: 10 });
    expect(reasons('invalid')).toEqual({
      foreign_missing: 10,
      country_unknown: 10,
      country_france: 10,
      years_order: 10,
      control_characters: 5,
      formula: 5,
      year_invalid: 5,
      french_missing: 5,
    });
    expect(reasons('duplicate')).toEqual({ in_file: 30 });
    // A typo still finds Marseille; "Région Bretagne" finds the région, not a commune.
    const marseille = report.rows.find((r) => r.given.french.startsWith('Marseile'))!;
    expect(marseille.outcome).toBe('name');
    expect(marseille.frenchLabel).toMatch(/^Marseille/);
    expect(marseille.similarity).toBeGreaterThan(0.6);
    expect(report.rows.find((r) => r.given.french === 'Région Bretagne')!.frenchLabel).toBe('Bretagne');
    expect(report.rows.find((r) => r.given.french === 'Paris')!.frenchLabel).toContain(';');
    expect(await partnershipFigures(services.sql)).toEqual(before);
  });

  it('commit adds exactly the matched rows, confirmed and counted; the same file again adds nothing; rollback removes exactly them', async ({
    services,
    signIn,
  }) => {
    const actor = await admin(services, signIn);
    // One pair of the file already exists (declared by hand): the import must not add it again.
    const rows = atlasRows();
    const existingRow = rows.find((r, i) => i < 470 && r[1] === '22113' && r[2])!;
    const [lannion] = await services.db.select().from(authorities).where(eq(authorities.officialCode, '22113'));
    const partner = await createAuthority(services, { kind: 'foreign', country: 'SN', name: existingRow[2]! });
    const countryCode = existingRow[3] === 'Sénégal' || existingRow[3] === 'SN' || existingRow[3] === 'Senegal';
    if (!countryCode)
      await services.db.update(authorities).set({ country: 'SN' }).where(eq(authorities.id, partner.id));
    const before = await partnershipFigures(services.sql);
    const foreignBefore = (await services.db.select().from(authorities).where(eq(authorities.kind, 'foreign'))).length;

    const first = await dryRun(services, actor, atlasCsv());
    const counts = reportOf(first)!.counts;
    const toImport = counts.code + counts.name;
    const { done } = await startCommit(services, actor, first.id);
    const created = await done;
    const committed = await readImportBatch(services.db, actor, first.id);
    expect(committed.status).toBe('committed');
    expect(created).toBe(toImport);
    expect(committed.created).toBe(toImport);
    expect(await importedCount(services, first.id)).toBe(toImport);
    const sample = (await services.db.select().from(partnerships).where(eq(partnerships.importBatchId, first.id)))[0]!;
    expect(sample).toMatchObject({ status: 'confirmed', source: 'import', declaredBySide: 'staff' });
    expect((await partnershipFigures(services.sql)).confirmed).toBe(before.confirmed + toImport);
    const records = await services.db
      .select()
      .from(authorities)
      .where(and(eq(authorities.kind, 'foreign'), eq(authorities.recordedFrom, 'import')));
    expect(records.length).toBe(counts.newForeign);

    // The same file again: every matched row is now a duplicate of an existing partnership, and nothing is added.
    const again = await dryRun(services, actor, atlasCsv(), 'atlas-again.csv');
    expect(reportOf(again)!.counts).toMatchObject({ code: 0, name: 0, newForeign: 0 });
    expect(reportOf(again)!.counts.duplicate).toBe(ATLAS_EXPECTED.duplicate + toImport + (countryCode ? 1 : 0));
    const second = await startCommit(services, actor, again.id);
    expect(await second.done).toBe(0);
    // Committing the first batch twice is refused.
    await expect(startCommit(services, actor, first.id)).rejects.toMatchObject({ code: 'conflict' });

    const removed = await rollbackImportBatch(services, actor, first.id);
    expect(removed).toEqual({ partnerships: toImport, authorities: counts.newForeign });
    expect(await importedCount(services, first.id)).toBe(0);
    expect(await partnershipFigures(services.sql)).toEqual(before);
    expect((await services.db.select().from(authorities).where(eq(authorities.kind, 'foreign'))).length).toBe(
      foreignBefore,
    );
    // The authority created by hand, and Lannion, are still there.
    expect(await services.db.select().from(authorities).where(eq(authorities.id, partner.id))).toHaveLength(1);
    expect(lannion).toBeDefined();
    await expect(rollbackImportBatch(services, actor, first.id)).rejects.toMatchObject({ code: 'conflict' });
    const audit = await services.db
      .select({ action: trustEvents.action })
      .from(trustEvents)
      .where(sql`${trustEvents.details}->>'batchId' = ${first.id}`);
    expect(audit.map((a) => a.action).sort()).toEqual([
      'partnership_import.commit',
      'partnership_import.dry_run',
      'partnership_import.rollback',
      'partnership_import.upload',
    ]);
  });

  it('a commit that fails after some chunks were written leaves nothing behind, and says so', async ({
    services,
    signIn,
  }) => {
    const actor = await admin(services, signIn);
    const before = await partnershipFigures(services.sql);
    const foreignBefore = (await services.db.select().from(authorities).where(eq(authorities.kind, 'foreign'))).length;
    const batch = await dryRun(services, actor, atlasCsv(), 'atlas-broken.csv');
    // The last matched row now names a French authority that no longer exists: its chunk (the 4th of 100) fails.
    const report = reportOf(batch)!;
    const matched = report.rows.filter((r) => r.outcome === 'code' || r.outcome === 'name');
    expect(matched.length).toBeGreaterThan(300);
    matched.at(-1)!.frenchId = '00000000-0000-4000-8000-000000000000';
    await services.db.update(partnershipImportBatches).set({ report }).where(eq(partnershipImportBatches.id, batch.id));
    const { done } = await startCommit(services, actor, batch.id, 100);
    expect(await done).toBe(0);
    const failed = await readImportBatch(services.db, actor, batch.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/foreign key|violates/i);
    expect(await importedCount(services, batch.id)).toBe(0);
    expect(await partnershipFigures(services.sql)).toEqual(before);
    expect((await services.db.select().from(authorities).where(eq(authorities.kind, 'foreign'))).length).toBe(
      foreignBefore,
    );
    await expect(rollbackImportBatch(services, actor, batch.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('the API: upload (base64), dry run, follow the progress; members are refused', async ({ api, signedInAs }) => {
    const admin = await signedInAs('admin');
    const contentBase64 = Buffer.from(atlasCsv()).toString('base64');
    const uploaded = await api.call('POST', '/api/v1/admin/partnership-imports', admin, {
      fileName: 'atlas.csv',
      contentBase64,
    });
    expect(uploaded.statusCode).toBe(201);
    const { id, mapping } = uploaded.json() as { id: string; mapping: Record<string, number | null> };
    expect(mapping).toMatchObject({ frenchCode: 1, foreignName: 2, country: 3 });
    const bad = await api.call('POST', `/api/v1/admin/partnership-imports/${id}/dry-run`, admin, { country: 99 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'country' });
    const started = await api.call('POST', `/api/v1/admin/partnership-imports/${id}/dry-run`, admin, mapping);
    expect(started.statusCode).toBe(202);
    let batch: { status: string; counts: Record<string, number> | null } = started.json();
    while (batch.status === 'matching') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      batch = (await api.call('GET', `/api/v1/admin/partnership-imports/${id}`, admin)).json();
    }
    expect(batch.status).toBe('ready');
    expect(batch.counts!.invalid).toBe(ATLAS_EXPECTED.invalid);
    const member = await signedInAs('french_authority');
    expect((await api.call('GET', `/api/v1/admin/partnership-imports/${id}`, member)).statusCode).toBe(403);
    expect((await api.call('POST', `/api/v1/admin/partnership-imports/${id}/commit`, member)).statusCode).toBe(403);
    expect((await api.call('GET', `/api/v1/admin/partnership-imports/not-an-id`, admin)).statusCode).toBe(404);
    expect((await api.call('POST', `/api/v1/admin/partnership-imports/${id}/rollback`, admin)).statusCode).toBe(409);
  });

  it('reads the same rows from an XLSX workbook', async ({ services, signIn }) => {
    const actor = await admin(services, signIn);
    const book = sheetUtils.book_new();
    sheetUtils.book_append_sheet(book, sheetUtils.aoa_to_sheet([ATLAS_HEADERS, ...atlasRows()]), 'Atlas');
    const xlsx = new Uint8Array(writeWorkbook(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect((await parseImportFile(xlsx)).rows).toEqual((await parseImportFile(bytes(atlasCsv()))).rows);
    const batch = await dryRun(services, actor, xlsx, 'atlas.xlsx');
    expect(reportOf(batch)!.counts.invalid).toBe(ATLAS_EXPECTED.invalid);
  });

  it('hostile files are refused as a whole on the file field, before anything is written', async ({
    services,
    signIn,
  }) => {
    const actor = await admin(services, signIn);
    const refused = async (content: Uint8Array, reason: string) =>
      expect(createImportBatch(services.db, actor, { name: 'x.csv', bytes: content })).rejects.toMatchObject({
        code: 'invalid_input',
        details: { field: 'file', reason },
      });
    await refused(new Uint8Array(), 'empty');
    await refused(bytes('a;b;c\n'), 'empty');
    await refused(new Uint8Array(5 * 1024 * 1024 + 1), 'file_too_big');
    await refused(bytes(`${ATLAS_HEADERS.join(';')}\n${'x;y;Mali\n'.repeat(20_001)}`), 'too_many_rows');
    await refused(bytes(Array.from({ length: 61 }, (_, i) => `c${i}`).join(';') + '\nx\n'), 'too_many_columns');
    await refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'unreadable');
    await refused(bytes('a;"b\nc;d\n'), 'unreadable');
  });

  it('the report neutralises formulas; a member cannot import, see or roll back', async ({ services, signIn }) => {
    const actor = await admin(services, signIn);
    expect(neutraliseCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutraliseCell('+33 1 23')).toBe("'+33 1 23");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('-2')).toBe("'-2");
    expect(neutraliseCell('Lannion')).toBe('Lannion');
    const batch = await dryRun(services, actor, atlasCsv());
    const csv = reportCsv(reportOf(batch)!, labels);
    expect(csv.split('\n').filter((line) => /(^|;|,)"?=/.test(line))).toEqual([]);
    expect(csv).toContain("'=HYPERLINK");

    const { user } = await signIn('french_authority' as 'admin');
    const member = (await loadActor(services.db, user.id, null))!;
    await expect(
      createImportBatch(services.db, member, { name: 'x.csv', bytes: bytes(atlasCsv()) }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(readImportBatch(services.db, member, batch.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(startCommit(services, member, batch.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(rollbackImportBatch(services, member, batch.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      createImportBatch(services.db, null, { name: 'x.csv', bytes: bytes(atlasCsv()) }),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
