import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schemaFlags } from '../db/schema/index.js';

/**
 * Advisory lock keys (scoped to the database by Postgres). RELAY: held for the life of the one process that
 * relays the outbox. SYNC: every relay batch holds it shared; a reindex takes it exclusively for an instant to
 * change where batches write, so no batch straddles the change. REINDEX: one reindex at a time.
 */
export const LOCKS = { relay: 471_001, sync: 471_002, reindex: 471_003 } as const;

const TARGET_FLAG = 'search.reindex_target';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The index being rebuilt, if any: relay batches write to it too, so it misses no change made meanwhile. */
export async function readReindexTarget(tx: Tx | Database): Promise<string | null> {
  const [row] = await tx.select({ value: schemaFlags.value }).from(schemaFlags).where(eq(schemaFlags.key, TARGET_FLAG));
  return (row?.value as { index?: string } | undefined)?.index ?? null;
}

/** Changes the reindex target once no relay batch is in flight (they hold the sync lock shared). */
export async function setReindexTarget(db: Database, index: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCKS.sync})`);
    if (index === null) {
      await tx.delete(schemaFlags).where(eq(schemaFlags.key, TARGET_FLAG));
    } else {
      await tx
        .insert(schemaFlags)
        .values({ key: TARGET_FLAG, value: { index } })
        .onConflictDoUpdate({ target: schemaFlags.key, set: { value: { index }, updatedAt: new Date() } });
    }
  });
}
