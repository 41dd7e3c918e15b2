import { asc, inArray, lte, sql } from 'drizzle-orm';
import type { Meilisearch } from 'meilisearch';
import type { Database } from '../db/index.js';
import { searchOutbox } from '../db/schema/index.js';
import { applyState } from './apply-state.js';
import { LOCKS, readReindexTarget } from './coordination.js';
import { loadSearchState } from './document.js';

export interface SyncContext {
  db: Database;
  meili: Meilisearch;
  /** The live index (`<prefix>listings`). */
  indexUid: string;
  batchSize: number;
  taskTimeoutMs: number;
}

/** Meilisearch did not answer (down, slow): the whole relay backs off, the rows themselves are not to blame. */
export const isUnreachable = (error: unknown) =>
  error instanceof Error &&
  ['MeilisearchRequestError', 'MeilisearchRequestTimeOutError', 'MeilisearchTaskTimeOutError'].includes(error.name);

/**
 * Relays one batch of the outbox: re-reads the listings from Postgres, writes them to the live index (and to an
 * index being rebuilt, if any), waits for Meilisearch to confirm, then deletes exactly the rows it handled. Rows
 * written meanwhile stay for the next batch, which re-reads the newer state. Returns how many rows it handled.
 */
export async function syncOutboxBatch(ctx: SyncContext): Promise<number> {
  let rowIds: number[] = [];
  try {
    return await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock_shared(${LOCKS.sync})`);
      const rows = await tx
        .select({ id: searchOutbox.id, listingId: searchOutbox.listingId })
        .from(searchOutbox)
        .where(lte(searchOutbox.availableAt, sql`now()`))
        .orderBy(asc(searchOutbox.id))
        .limit(ctx.batchSize);
      if (rows.length === 0) return 0;
      rowIds = rows.map((r) => r.id);
      const target = await readReindexTarget(tx);
      const state = await loadSearchState(tx, [...new Set(rows.map((r) => r.listingId))]);
      await applyState(ctx.meili, target ? [ctx.indexUid, target] : [ctx.indexUid], state, ctx.taskTimeoutMs);
      await tx.delete(searchOutbox).where(inArray(searchOutbox.id, rowIds));
      return rows.length;
    });
  } catch (error) {
    // Meilisearch answered and refused: put these rows aside (1 s, 2 s, 4 s … 5 min) so the others go through.
    if (rowIds.length && !isUnreachable(error)) {
      const message = error instanceof Error ? error.message : String(error);
      await ctx.db
        .update(searchOutbox)
        .set({
          attempts: sql`${searchOutbox.attempts} + 1`,
          availableAt: sql`now() + make_interval(secs => least(300, power(2, ${searchOutbox.attempts})))`,
          lastError: message.slice(0, 1000),
        })
        .where(inArray(searchOutbox.id, rowIds))
        .catch(() => undefined);
    }
    throw error;
  }
}
