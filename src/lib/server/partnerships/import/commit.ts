import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.js';
import { partnershipImportBatches, partnerships } from '../../db/schema/index.js';
import { Conflict } from '../../errors.js';
import type { Services } from '../../runtime/services.js';
import { recordTrustEvent } from '../../trust/audit.js';
import { recordForeignAuthority } from '../declare.js';
import { readImportBatch, reportOf, type ImportBatch } from './batches.js';
import { IMPORT_CHUNK } from './limits.js';
import { markFailed } from './rollback.js';

/**
 * Writes the rows the dry run matched (by code or by name), IMPORT_CHUNK per short transaction, each partnership
 * tagged with the batch id. Imported partnerships are confirmed: the delegation vouches for the Atlas, as a
 * correspondent or an admin recording one does, so `partnershipFigures` counts them with the others. No notice is
 * sent (thousands of past twinnings are not news). A pair already live is skipped (the unique index), so running
 * the same file twice adds nothing; a chunk that fails makes the whole batch removed again (markFailed).
 */
export async function runCommit(
  services: Services,
  actor: Actor,
  batchId: string,
  chunkSize = IMPORT_CHUNK,
): Promise<number> {
  const [batch] = await services.db
    .select()
    .from(partnershipImportBatches)
    .where(eq(partnershipImportBatches.id, batchId));
  const rows = (reportOf(batch!)?.rows ?? []).filter((r) => r.outcome === 'code' || r.outcome === 'name');
  const foreignIds = new Map<string, string>();
  let created = 0;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    created += await services.db.transaction(async (tx) => {
      const now = new Date();
      const values = [];
      for (const row of chunk) {
        let foreignId = row.foreignId;
        if (!foreignId) {
          const key = `${row.foreignName!.toLowerCase()}|${row.country}`;
          foreignId = foreignIds.get(key) ?? null;
          if (!foreignId) {
            foreignId = (await recordForeignAuthority(tx, { name: row.foreignName!, country: row.country! }, 'import'))
              .id;
            foreignIds.set(key, foreignId);
          }
        }
        values.push({
          foreignAuthorityId: foreignId,
          frenchAuthorityId: row.frenchId!,
          source: 'import',
          status: 'confirmed' as const,
          declaredBySide: 'staff',
          confirmedAt: now,
          confirmedBy: actor.userId,
          createdBy: actor.userId,
          themes: row.themes,
          startedOn: row.startedOn,
          endedOn: row.endedOn,
          importBatchId: batchId,
        });
      }
      const inserted = await tx
        .insert(partnerships)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: partnerships.id });
      await tx
        .update(partnershipImportBatches)
        .set({
          processed: start + chunk.length,
          created: sql`${partnershipImportBatches.created} + ${inserted.length}`,
          updatedAt: now,
        })
        .where(and(eq(partnershipImportBatches.id, batchId), eq(partnershipImportBatches.status, 'committing')));
      return inserted.length;
    });
    await yieldToEventLoop();
  }
  await services.db.transaction(async (tx) => {
    const [done] = await tx
      .update(partnershipImportBatches)
      .set({ status: 'committed', committedAt: new Date(), processed: rows.length, updatedAt: new Date() })
      .where(and(eq(partnershipImportBatches.id, batchId), eq(partnershipImportBatches.status, 'committing')))
      .returning({ id: partnershipImportBatches.id });
    if (!done) throw new Conflict('The import was stopped while it was being committed.');
    await recordTrustEvent(tx, { actor, action: 'partnership_import.commit', details: { batchId, created } });
  });
  return created;
}

/**
 * Starts committing a batch whose dry run is done. Returns at once; `done` settles when the commit ends, with the
 * number of partnerships added (0 when it failed: the batch then says why, and nothing it wrote is left).
 */
export async function startCommit(
  services: Services,
  actor: Actor | null,
  batchId: string,
  /** Rows per transaction (tests make it small to see a failure after several chunks were written). */
  chunkSize = IMPORT_CHUNK,
): Promise<{ batch: ImportBatch; done: Promise<number> }> {
  await readImportBatch(services.db, actor, batchId);
  const [batch] = await services.db
    .update(partnershipImportBatches)
    .set({ status: 'committing', processed: 0, created: 0, updatedAt: new Date() })
    .where(and(eq(partnershipImportBatches.id, batchId), eq(partnershipImportBatches.status, 'ready')))
    .returning();
  if (!batch) throw new Conflict('Only an import whose dry run is done, and not yet committed, can be committed.');
  const done = runCommit(services, actor!, batchId, chunkSize).catch(async (error: unknown) => {
    await markFailed(services, batchId, error);
    return 0;
  });
  return { batch, done };
}
