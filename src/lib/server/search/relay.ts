import type { Services } from '../runtime/services.js';
import { ensureSearchKey } from './keys.js';
import { ensureListingsIndex } from './ensure-index.js';
import { enqueueEverySearchableListing } from './outbox.js';
import { listingsIndexUid } from './index-name.js';
import { tryLead, type Leadership } from './leadership.js';
import { isUnreachable, syncOutboxBatch, type SyncContext } from './sync-batch.js';

export interface RelayOptions {
  batchSize?: number;
  /** Polling fallback when no notification arrives (a lost LISTEN connection, a NOTIFY from another tool). */
  pollMs?: number;
  /** How often a process that is not the relay checks whether the relay process went away. */
  standbyMs?: number;
  /** Longest pause between retries while Meilisearch is unreachable. */
  maxBackoffMs?: number;
  taskTimeoutMs?: number;
}

export interface SearchRelay {
  isLeader(): boolean;
  stop(): Promise<void>;
}

const syncContext = (services: Services, options: RelayOptions): SyncContext => ({
  db: services.db,
  meili: services.meili,
  indexUid: listingsIndexUid(services.indexPrefix),
  batchSize: options.batchSize ?? 500,
  taskTimeoutMs: options.taskTimeoutMs ?? 30_000,
});

/**
 * Relays the search outbox to Meilisearch for as long as the process lives: ensures the index settings, then
 * syncs batches whenever a transaction notifies `search_outbox` (or every pollMs), backing off while
 * Meilisearch is unreachable. Several processes may start it; only the one holding the lock works.
 */
export function startSearchRelay(services: Services, options: RelayOptions = {}): SearchRelay {
  const log = services.logger.child({ component: 'search-relay' });
  const ctx = syncContext(services, options);
  const pollMs = options.pollMs ?? 1_000;
  const standbyMs = options.standbyMs ?? 5_000;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;

  let stopped = false;
  let woken = false;
  let wakeUp: (() => void) | null = null;
  let leadership: Leadership | null = null;
  let indexReady = false;
  let failures = 0;

  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopped) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  const listening = services.sql.listen('search_outbox', wake).catch((error: unknown) => {
    log.warn({ err: error }, 'cannot LISTEN search_outbox; relying on polling');
    return null;
  });

  async function step(): Promise<number> {
    // Every process applies the settings it ships with once, as soon as Meilisearch answers.
    if (!indexReady) {
      const outcome = await ensureListingsIndex(services.meili, ctx.indexUid);
      await ensureSearchKey(services.meili, String(services.meili.config.apiKey), services.indexPrefix);
      log.info({ index: ctx.indexUid, outcome }, 'search index settings ensured');
      if (outcome === 'updated') {
        // New settings usually come with new document fields (the co-financing facet, say): rebuild every document.
        const queued = await enqueueEverySearchableListing(services.db);
        log.info({ queued }, 'every searchable request queued for re-indexing after the settings changed');
      }
      indexReady = true;
    }
    if (!leadership || !(await leadership.alive())) {
      leadership = await tryLead(services.databaseUrl);
      if (!leadership) return -1;
      log.info('this process now relays the search outbox');
    }
    return syncOutboxBatch(ctx);
  }

  const loop = (async () => {
    while (!stopped) {
      woken = false;
      try {
        const handled = await step();
        if (failures > 0) log.info({ after: failures }, 'search relay recovered');
        failures = 0;
        if (handled === ctx.batchSize) continue;
        await pause(handled < 0 ? standbyMs : pollMs);
      } catch (error) {
        failures++;
        const delay = Math.min(maxBackoffMs, 100 * 2 ** Math.min(failures, 10));
        const level = failures === 1 || failures % 20 === 0 ? 'warn' : 'debug';
        log[level](
          { err: error, failures, retryInMs: delay, unreachable: isUnreachable(error) },
          'search relay batch failed',
        );
        woken = false;
        await pause(delay);
      }
    }
  })();

  return {
    isLeader: () => leadership !== null,
    async stop() {
      stopped = true;
      wake();
      await loop;
      await (await listening)?.unlisten().catch(() => undefined);
      await leadership?.release();
      leadership = null;
    },
  };
}

/**
 * Syncs the whole outbox now, if no relay process is running (the reindex script uses it to replay what changed
 * while it worked). When a relay runs elsewhere it does this itself: returns false.
 */
export async function drainOutbox(services: Services, options: RelayOptions = {}): Promise<boolean> {
  const leadership = await tryLead(services.databaseUrl);
  if (!leadership) return false;
  try {
    const ctx = syncContext(services, options);
    while ((await syncOutboxBatch(ctx)) === ctx.batchSize);
    return true;
  } finally {
    await leadership.release();
  }
}
