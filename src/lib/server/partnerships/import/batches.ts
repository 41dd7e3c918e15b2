import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/index.js';
import { partnershipImportBatches } from '../../db/schema/index.js';
import { NotFound } from '../../errors.js';
import { isUuid } from '../../ids.js';
import { assertMayImportPartnerships } from '../../permissions/partnership-import.js';
import { recordTrustEvent } from '../../trust/audit.js';
import { IMPORT_LIMITS, IMPORT_STALE_MS } from './limits.js';
import { guessMapping, type ImportMapping } from './map.js';
import { parseImportFile, type ImportTable } from './parse.js';
import type { ImportReport } from './report.js';

export type ImportStatus = 'uploaded' | 'matching' | 'ready' | 'committing' | 'committed' | 'rolled_back' | 'failed';
export type ImportBatch = typeof partnershipImportBatches.$inferSelect;

/** Steps that run in the background: the page shows their progress and polls until they end. */
export const RUNNING: readonly ImportStatus[] = ['matching', 'committing'];

export function isStale(batch: Pick<ImportBatch, 'status' | 'updatedAt'>): boolean {
  return RUNNING.includes(batch.status as ImportStatus) && Date.now() - batch.updatedAt.getTime() > IMPORT_STALE_MS;
}

const cleanFileName = (name: string) =>
  name.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, IMPORT_LIMITS.maxFileName) || 'import';

/** Reads the uploaded file and keeps it as a new batch, with the column mapping guessed from its header row. */
export async function createImportBatch(
  db: Database,
  actor: Actor | null,
  file: { name: string; bytes: Uint8Array },
): Promise<ImportBatch> {
  assertMayImportPartnerships(actor);
  const table = await parseImportFile(file.bytes);
  const [batch] = await db
    .insert(partnershipImportBatches)
    .values({
      fileName: cleanFileName(file.name),
      createdBy: actor.userId,
      status: 'uploaded',
      rows: table.rows.length,
      source: table,
      mapping: guessMapping(table.headers),
    })
    .returning();
  await recordTrustEvent(db, {
    actor,
    action: 'partnership_import.upload',
    details: { batchId: batch!.id, fileName: batch!.fileName, rows: table.rows.length },
  });
  return batch!;
}

export async function readImportBatch(db: Database, actor: Actor | null, id: string): Promise<ImportBatch> {
  assertMayImportPartnerships(actor);
  if (!isUuid(id)) throw new NotFound('This import');
  const [batch] = await db.select().from(partnershipImportBatches).where(eq(partnershipImportBatches.id, id));
  if (!batch) throw new NotFound('This import');
  return batch;
}

/** The latest imports, for the admin's list (without their files and reports). */
export async function listImportBatches(db: Database, actor: Actor | null, limit = 20) {
  assertMayImportPartnerships(actor);
  return db
    .select({
      id: partnershipImportBatches.id,
      fileName: partnershipImportBatches.fileName,
      status: partnershipImportBatches.status,
      rows: partnershipImportBatches.rows,
      created: partnershipImportBatches.created,
      createdAt: partnershipImportBatches.createdAt,
    })
    .from(partnershipImportBatches)
    .orderBy(desc(partnershipImportBatches.createdAt))
    .limit(limit);
}

export const tableOf = (batch: ImportBatch) => batch.source as ImportTable;
export const mappingOf = (batch: ImportBatch) => batch.mapping as ImportMapping;
export const reportOf = (batch: ImportBatch) => batch.report as ImportReport | null;
