import { ServiceUnavailable } from '../errors.js';
import type { Services } from '../runtime/services.js';
import { listingsIndexUid } from './index-name.js';
import { MeilisearchUnavailable } from './meili-http.js';
import { searchMeilisearch } from './meili-search.js';
import { searchPostgres } from './pg-search.js';
import type { SearchResult } from './result.js';
import { parseSearchQuery, type SearchInput, type SearchQuery } from './search-query.js';

/** How long a search waits for Meilisearch before answering from Postgres. */
const MEILI_TIMEOUT_MS = 1_500;
/** After Meilisearch was found unreachable, skip it this long so searches do not each pay for finding out. */
const COOL_DOWN_MS = 5_000;
/**
 * Postgres answers at most this many searches at once per process. When Meilisearch is merely overloaded, sending
 * everything to the costlier full-text search would sink Postgres too (measured: BENCHMARKS.md, load at 200
 * connections); beyond the cap the search is refused with a 503 the client can retry.
 */
const MAX_CONCURRENT_FALLBACKS = 4;

/** Per client, so one deployment's (or test's) outage does not send another to Postgres. */
const downUntil = new WeakMap<object, number>();
let fallbacksRunning = 0;

/**
 * Searches published requests. Meilisearch answers normally; when it is down or slow, Postgres full-text search
 * answers with the same shape and `degraded: true`. Takes unchecked input (a query string) or a checked query:
 * filters are built only from values checked against the reference data (bad ones throw InvalidInput).
 */
export async function searchListings(
  services: Pick<Services, 'meili' | 'meiliSearch' | 'sql' | 'indexPrefix' | 'logger'>,
  input: SearchInput | SearchQuery,
  options: { meiliTimeoutMs?: number } = {},
): Promise<SearchResult> {
  const query = parseSearchQuery(input);
  if (Date.now() >= (downUntil.get(services.meili) ?? 0)) {
    try {
      return await searchMeilisearch(
        services.meiliSearch,
        listingsIndexUid(services.indexPrefix),
        query,
        options.meiliTimeoutMs ?? MEILI_TIMEOUT_MS,
      );
    } catch (error) {
      // Only an unreachable server opens the circuit: a slow one gets this search alone sent elsewhere.
      if (!(error instanceof MeilisearchUnavailable) || error.reason === 'unreachable')
        downUntil.set(services.meili, Date.now() + COOL_DOWN_MS);
      services.logger.warn({ err: error }, 'Meilisearch search failed; answering from Postgres full-text search');
    }
  }
  if (fallbacksRunning >= MAX_CONCURRENT_FALLBACKS) {
    throw new ServiceUnavailable('Search is overloaded; please retry in a few seconds.', { retryAfterSeconds: 5 });
  }
  fallbacksRunning++;
  try {
    return await searchPostgres(services.sql, query);
  } catch (error) {
    // The fallback's time limit (statement_timeout, SQLSTATE 57014) ran out: PostgreSQL is as overloaded as the
    // cap above says — "retry later", not a server fault.
    if ((error as { code?: unknown }).code === '57014') {
      throw new ServiceUnavailable('Search is overloaded; please retry in a few seconds.', { retryAfterSeconds: 5 });
    }
    throw error;
  } finally {
    fallbacksRunning--;
  }
}
