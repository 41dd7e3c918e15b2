import { createHash, createHmac } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { listingsIndexUid } from './index-name.js';

/**
 * The key searches travel with: allowed to search the listings index and nothing else, so the master key never
 * leaves the indexing path. Meilisearch derives a key's value from its uid and the master key
 * (HMAC-SHA256(uid) keyed with the master key), so every process computes the same value without asking; the
 * key itself is registered once (ensureSearchKey), idempotently.
 */
export function searchKeyFor(masterKey: string, indexPrefix: string): { uid: string; key: string } {
  const hex = createHash('sha256').update(`bourse-projets search key ${indexPrefix}`).digest('hex');
  // A version-4-shaped UUID (Meilisearch wants a UUID), stable for a given prefix.
  const uid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return { uid, key: createHmac('sha256', masterKey).update(uid).digest('hex') };
}

/** Registers the search-only key with Meilisearch when it is missing (needs the master key). */
export async function ensureSearchKey(
  admin: Meilisearch,
  masterKey: string,
  indexPrefix: string,
): Promise<'created' | 'present'> {
  const { uid } = searchKeyFor(masterKey, indexPrefix);
  try {
    await admin.getKey(uid);
    return 'present';
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'api_key_not_found') throw error;
  }
  await admin.createKey({
    uid,
    name: `${listingsIndexUid(indexPrefix)} search`,
    description: 'Bourse-projets: searches of the public listings index only',
    actions: ['search'],
    indexes: [listingsIndexUid(indexPrefix)],
    expiresAt: null,
  });
  return 'created';
}

/** The client searches use: same server, the search-only key. */
export function searchClient(admin: Meilisearch, masterKey: string, indexPrefix: string): Meilisearch {
  return new Meilisearch({ ...admin.config, apiKey: searchKeyFor(masterKey, indexPrefix).key });
}
