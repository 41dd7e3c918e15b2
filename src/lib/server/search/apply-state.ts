import type { Meilisearch } from 'meilisearch';
import type { ListingDocument } from './document.js';
import { succeeded } from './task.js';

/**
 * Makes these indexes hold exactly this state for these listings. Replacing whole documents and deleting by id
 * are idempotent, so a batch retried after a failure does no harm.
 */
export async function applyState(
  meili: Meilisearch,
  indexUids: string[],
  state: { upserts: ListingDocument[]; deletes: string[] },
  timeoutMs: number,
): Promise<void> {
  const tasks = indexUids.flatMap((uid) => {
    const index = meili.index<ListingDocument>(uid);
    return [
      state.upserts.length ? index.addDocuments(state.upserts, { primaryKey: 'id' }) : null,
      state.deletes.length ? index.deleteDocuments(state.deletes) : null,
    ].filter((t) => t !== null);
  });
  await Promise.all(tasks.map((t) => succeeded(t, timeoutMs)));
}
