import { and, arrayOverlaps, inArray, or } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';
import type { Sql } from '../db/index.js';
import { listings } from '../db/schema/index.js';
import { SEARCHABLE_STATUSES } from '../listings/visibility.js';
import { enqueueSearchSync } from '../search/outbox.js';
import { fitPaths, type CatalogueEntry, type RequestFacts } from './fit.js';

/**
 * The "co-financeable by …" search facet: the catalogue entries a request fits on its own, before any French
 * authority is known (fitPaths with no French side: the country's and theme's calls, the open calls, the 1 %
 * mechanisms by theme, FICOL; a water agency's 1 % needs the French authority's basin, so it is never listed).
 * Its values are programme slugs: stable, and safe in a Meilisearch filter.
 */
export function cofinancingFacetOf(
  catalogue: readonly CatalogueEntry[],
  request: RequestFacts,
  today: string,
): string[] {
  return fitPaths(catalogue, request, null, today)
    .map((path) => path.programme.slug)
    .sort();
}

/** What a programme slug looks like (reference and admin-made alike: see slugFor in catalogue.ts). */
export const PROGRAMME_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_PROGRAMME_SLUG_LENGTH = 80;

/**
 * The same rule as cofinancingFacetOf, as a Postgres condition on programme `p` and listing `l`, for the search
 * fallback (which must count what Meilisearch counts: tests/search/cofinancing-facet.test.ts compares them).
 * Mirrors fitOf with no French side: not closed, not past its closing day, no water basin, country and themes
 * either open to all or shared with the request.
 */
export function programmeFitsListing(sql: Sql, today: string): postgres.Fragment {
  return sql`(p.closed_at is null and (p.closes_on is null or p.closes_on >= ${today}::date) and p.water_basin is null
    and (cardinality(p.countries) = 0 or l.country = any(p.countries))
    and (cardinality(p.themes) = 0 or l.themes && p.themes))`;
}

type AnyTx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;
type Scope = Pick<CatalogueEntry, 'countries' | 'themes'>;

/** The requests a programme of this scope may fit (undefined: all of them). */
const scopeCondition = (s: Scope) =>
  and(
    s.countries.length ? inArray(listings.country, s.countries) : undefined,
    s.themes.length ? arrayOverlaps(listings.themes, s.themes) : undefined,
  );

/**
 * Queues for re-indexing the searchable requests whose facet may change with these versions of a programme (its
 * old and new country and theme scopes): a programme created, edited, closed or reopened re-evaluates exactly the
 * requests it could have fitted before or fits now. Inside the caller's transaction, like every outbox write.
 */
export async function resyncListingsFittedBy(tx: AnyTx, scopes: Scope[]): Promise<number> {
  if (scopes.length === 0) return 0;
  const conditions = scopes.map(scopeCondition);
  const rows = await tx
    .select({ id: listings.id })
    .from(listings)
    .where(
      and(
        inArray(listings.status, [...SEARCHABLE_STATUSES]),
        conditions.some((c) => c === undefined) ? undefined : or(...conditions),
      ),
    );
  await enqueueSearchSync(
    tx,
    rows.map((r) => r.id),
  );
  return rows.length;
}
