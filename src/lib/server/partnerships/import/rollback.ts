import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/index.js';
import { partnershipImportBatches, partnerships } from '../../db/schema/index.js';
import { Conflict } from '../../errors.js';
import type { Services } from '../../runtime/services.js';
import { recordTrustEvent } from '../../trust/audit.js';
import { readImportBatch } from './batches.js';

type Writer = Pick<Database, 'delete' | 'execute'>;

/**
 * Removes what a batch wrote: its partnerships, then the foreign-authority records the import created that nothing
 * uses any more (no partnership, member, request or conversation). Records named by a declaration, or registered
 * authorities, are never removed.
 */
export async function removeBatchWrites(tx: Writer, batchId: string) {
  const removed = await tx
    .delete(partnerships)
    .where(eq(partnerships.importBatchId, batchId))
    .returning({ foreignId: partnerships.foreignAuthorityId });
  const foreignIds = [...new Set(removed.map((r) => r.foreignId))];
  let authorities = 0;
  if (foreignIds.length > 0) {
    const orphans = await tx.execute(sql`
      delete from authorities a
      where a.id in ${foreignIds} and a.kind = 'foreign' and a.recorded_from = 'import'
        and not exists (select 1 from partnerships p where p.foreign_authority_id = a.id or p.french_authority_id = a.id)
        and not exists (select 1 from users u where u.authority_id = a.id)
        and not exists (select 1 from listings l where l.authority_id = a.id)
        and not exists (select 1 from conversations c where c.french_authority_id = a.id)
      returning a.id`);
    authorities = orphans.length;
  }
  return { partnerships: removed.length, authorities };
}

/** A step that could not finish: what it wrote is removed, and the batch says why (nothing is left half-written). */
export async function markFailed(services: Services, batchId: string, error: unknown): Promise<void> {
  // Drizzle wraps the database's refusal in "Failed query: <the whole insert>": keep the refusal itself.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  services.logger.error({ err: error, batchId }, 'partnership import step failed');
  try {
    await services.db.transaction(async (tx) => {
      const [batch] = await tx
        .select({ status: partnershipImportBatches.status })
        .from(partnershipImportBatches)
        .where(eq(partnershipImportBatches.id, batchId))
        .for('update');
      if (batch?.status === 'committing') await removeBatchWrites(tx, batchId);
      await tx
        .update(partnershipImportBatches)
        .set({ status: 'failed', error: message.slice(0, 1000), created: 0, updatedAt: new Date() })
        .where(eq(partnershipImportBatches.id, batchId));
    });
  } catch (cleanup) {
    services.logger.error({ err: cleanup, batchId }, 'partnership import: could not record the failure');
  }
}

/** Rolls a committed batch back: exactly the partnerships it added, and the records it created that are unused. */
export async function rollbackImportBatch(services: Services, actor: Actor | null, batchId: string) {
  await readImportBatch(services.db, actor, batchId);
  return services.db.transaction(async (tx) => {
    const [batch] = await tx
      .update(partnershipImportBatches)
      .set({ status: 'rolled_back', rolledBackAt: new Date(), updatedAt: new Date() })
      .where(and(eq(partnershipImportBatches.id, batchId), eq(partnershipImportBatches.status, 'committed')))
      .returning({ id: partnershipImportBatches.id });
    if (!batch) throw new Conflict('Only a committed import can be rolled back.');
    const removed = await removeBatchWrites(tx, batchId);
    await recordTrustEvent(tx, {
      actor,
      action: 'partnership_import.rollback',
      details: { batchId, removedPartnerships: removed.partnerships, removedAuthorities: removed.authorities },
    });
    return removed;
  });
}
