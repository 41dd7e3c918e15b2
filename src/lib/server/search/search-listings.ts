import type { Services } from '../runtime/services.js';
import { listingsIndexUid } from './index-name.js';
import { searchMeilisearch } from './meili-search.js';
import { searchPostgres } from './pg-search.js';
import type { SearchResult } from './result.js';
import { parseSearchQuery, type SearchInput, type SearchQuery } from './search-query.js';

/** How long a search waits for Meilisearch before answering from Postgres. */
const MEILI_TIMEOUT_MS = 1_500;
/** After a failure, skip Meilisearch this long so every search does not pay the timeout while it is down. */
const COOL_DOWN_MS = 5_000;

/** Per client, so one deployment's (or test's) outage does not send another to Postgres. */
const downUntil = new WeakMap<object, number>();

/**
 * Searches published requests. Meilisearch answers normally; when it is down or slow, Postgres full-text search
 * answers with the same shape and `degraded: true`. Takes unchecked input (a query string) or a checked query:
 * filters are built only from values checked against the reference data (bad ones throw InvalidInput).
 */
export async function searchListings(
  services: Pick<Services, 'meili' | 'sql' | 'indexPrefix' | 'logger'>,
  input: SearchInput | SearchQuery,
  options: { meiliTimeoutMs?: number } = {},
): Promise<SearchResult> {
  const query = parseSearchQuery(input);
  if (Date.now() >= (downUntil.get(services.meili) ?? 0)) {
    try {
      return await searchMeilisearch(services.meili, listingsIndexUid(services.indexPrefix), query, options.meiliTimeoutMs ?? MEILI_TIMEOUT_MS);
    } catch (error) {
      downUntil.set(services.meili, Date.now() + COOL_DOWN_MS);
      services.logger.warn({ err: error }, 'Meilisearch search failed; answering from Postgres full-text search');
    }
  }
  return searchPostgres(services.sql, query);
}
