import { count, inArray } from 'drizzle-orm';
import { Meilisearch, type EnqueuedTaskPromise } from 'meilisearch';
import { listings } from '../db/schema/index.js';
import { Conflict } from '../errors.js';
import { SEARCHABLE_STATUSES } from '../listings/visibility.js';
import type { Services } from '../runtime/services.js';
import { LOCKS, readReindexTarget, setReindexTarget } from './coordination.js';
import { loadSearchablePage, type ListingDocument } from './document.js';
import { ensureListingsIndex } from './ensure-index.js';
import { listingsIndexUid } from './index-name.js';
import { drainOutbox } from './relay.js';
import { succeeded } from './task.js';

/** Uploads of thousands of documents to a busy server may take longer than the 5 s searches are allowed. */
export const bulkClient = (meili: Meilisearch) => new Meilisearch({ ...meili.config, timeout: 300_000 });

export interface ReindexProgress {
  phase: 'fill' | 'swap' | 'replay' | 'done';
  /** Documents uploaded to Meilisearch, and those it has confirmed indexed (it indexes queued uploads together). */
  sent: number;
  indexed: number;
  total: number;
}

export interface ReindexOptions {
  batchSize?: number;
  /** Batches sent ahead of Meilisearch's confirmations (it merges queued additions into one indexing run). */
  inFlight?: number;
  onProgress?: (progress: ReindexProgress) => void;
}

/**
 * Rebuilds the listings index from Postgres without interrupting search: fills `<prefix>listings_<timestamp>`
 * in batches while the live index keeps serving, then swaps the two atomically and drops the old one. Relay
 * batches write to both indexes while this runs (see coordination.ts), so changes made meanwhile are not lost;
 * if no relay runs, the outbox is replayed here at the end.
 */
export async function reindexListings(
  services: Services,
  options: ReindexOptions = {},
): Promise<{ index: string; documents: number; ms: number }> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 1_000;
  const inFlight = options.inFlight ?? 32;
  const report = options.onProgress ?? (() => {});
  const live = listingsIndexUid(services.indexPrefix);
  const fresh = `${live}_${Date.now()}`;

  const lock = await services.sql.reserve();
  try {
    const [row] = await lock`select pg_try_advisory_lock(${LOCKS.reindex}) as locked`;
    if (!row?.locked) throw new Conflict('A search reindex is already running.');
    // A target left by a reindex that crashed: nobody fills it any more.
    const stale = await readReindexTarget(services.db);
    if (stale) {
      await setReindexTarget(services.db, null);
      await services.meili.deleteIndexIfExists(stale);
    }

    await ensureListingsIndex(services.meili, live);
    await ensureListingsIndex(services.meili, fresh);
    // From here on every relay batch also writes to the fresh index.
    await setReindexTarget(services.db, fresh);
    try {
      const [{ total } = { total: 0 }] = await services.db
        .select({ total: count() })
        .from(listings)
        .where(inArray(listings.status, [...SEARCHABLE_STATUSES]));
      let indexed = 0;
      let sent = 0;
      let afterId: string | null = null;
      const pending: Array<{ task: EnqueuedTaskPromise; size: number }> = [];
      const confirmOldest = async () => {
        const { task, size } = pending.shift()!;
        await succeeded(task, 300_000);
        indexed += size;
        report({ phase: 'fill', sent, indexed, total });
      };
      report({ phase: 'fill', sent, indexed, total });
      const bulk = bulkClient(services.meili);
      for (;;) {
        // The next page is read from Postgres while the previous one uploads.
        const page: ListingDocument[] = await loadSearchablePage(services.db, afterId, batchSize);
        await pending.at(-1)?.task;
        if (page.length === 0) break;
        afterId = page.at(-1)!.id;
        pending.push({
          task: bulk.index<ListingDocument>(fresh).addDocuments(page, { primaryKey: 'id' }),
          size: page.length,
        });
        sent += page.length;
        report({ phase: 'fill', sent, indexed, total });
        if (pending.length >= inFlight) await confirmOldest();
      }
      while (pending.length) await confirmOldest();

      report({ phase: 'swap', sent, indexed, total });
      await succeeded(services.meili.swapIndexes([{ indexes: [live, fresh], rename: false }]), 120_000);
      // `fresh` now holds the old documents: stop writing to it, then drop it.
      await setReindexTarget(services.db, null);
      await succeeded(services.meili.deleteIndex(fresh), 120_000);

      report({ phase: 'replay', sent, indexed, total });
      await drainOutbox(services);
      report({ phase: 'done', sent, indexed, total });
      return { index: live, documents: indexed, ms: Date.now() - started };
    } catch (error) {
      await setReindexTarget(services.db, null).catch(() => undefined);
      await services.meili.deleteIndexIfExists(fresh).catch(() => undefined);
      throw error;
    }
  } finally {
    await lock`select pg_advisory_unlock(${LOCKS.reindex})`.catch(() => undefined);
    lock.release();
  }
}
