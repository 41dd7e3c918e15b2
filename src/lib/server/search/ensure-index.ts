import type { Meilisearch } from 'meilisearch';
import { LISTINGS_SETTINGS } from './settings.js';
import { succeeded } from './task.js';

/** True when every setting we care about already has our value (Meilisearch adds defaults we do not set). */
function covers(current: unknown, wanted: unknown): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(current) || current.length !== wanted.length) return false;
    // Order ranks searchable attributes; elsewhere (synonyms, filterables) Meilisearch may reorder.
    return (
      wanted.every((w, i) => covers(current[i], w)) ||
      JSON.stringify([...current].sort()) === JSON.stringify([...wanted].sort())
    );
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (current === null || typeof current !== 'object') return false;
    const c = current as Record<string, unknown>;
    const w = wanted as Record<string, unknown>;
    return Object.keys(w).every((key) => covers(c[key], w[key]));
  }
  return current === wanted;
}

/**
 * Creates the index if needed and applies our settings only when they differ, so every start-up may call it:
 * an unchanged index is not re-indexed.
 */
export async function ensureListingsIndex(
  meili: Meilisearch,
  uid: string,
  timeoutMs = 120_000,
): Promise<'created' | 'updated' | 'unchanged'> {
  let created = false;
  try {
    await meili.getIndex(uid);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'index_not_found') throw error;
    await succeeded(meili.createIndex(uid, { primaryKey: 'id' }), timeoutMs).catch((e: unknown) => {
      // Another process created it between our two calls: fine.
      if (!String(e).includes('index_already_exists') && !String(e).includes('already exists')) throw e;
    });
    created = true;
  }
  const index = meili.index(uid);
  const current = await index.getSettings();
  const wantedSynonyms = Object.keys(LISTINGS_SETTINGS.synonyms).length;
  const sameSynonyms =
    Object.keys(current.synonyms ?? {}).length === wantedSynonyms &&
    covers(current.synonyms, LISTINGS_SETTINGS.synonyms);
  const { synonyms: _synonyms, ...rest } = LISTINGS_SETTINGS;
  if (sameSynonyms && covers(current, rest)) return created ? 'created' : 'unchanged';
  await succeeded(index.updateSettings(LISTINGS_SETTINGS), timeoutMs);
  return created ? 'created' : 'updated';
}
