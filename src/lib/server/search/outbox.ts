import { inArray, sql } from 'drizzle-orm';
import { listings } from '../db/schema/index.js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { SEARCHABLE_STATUSES } from '../listings/visibility.js';

type AnyTx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

/**
 * Ids written per statement: PostgreSQL's protocol caps a statement at 65,535 parameters, and a programme whose
 * scope is "every country, every theme" re-syncs every searchable request (100,000 of them made the app fail at
 * start-up when the daily closing of such a programme ran in one statement).
 */
const IDS_PER_STATEMENT = 1_000;

/**
 * Records that a listing changed, inside the caller's transaction: the search relay will re-read the listing
 * and upsert or delete its document. Call it from every write that can change what search shows.
 */
export async function enqueueSearchSync(tx: AnyTx, listingIds: string | string[]): Promise<void> {
  const ids = Array.isArray(listingIds) ? listingIds : [listingIds];
  if (ids.length === 0) return;
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
    // One VALUES row per id: a JS array interpolated into `sql` expands to a list, not a Postgres array.
    await tx.execute(
      sql`insert into search_outbox (listing_id) values ${sql.join(
        ids.slice(i, i + IDS_PER_STATEMENT).map((id) => sql`(${id}::uuid)`),
        sql`, `,
      )}`,
    );
  }
  // Wakes the relay at commit time (NOTIFY is transactional); the relay also polls in case nobody listens.
  await tx.execute(sql`select pg_notify('search_outbox', '')`);
}

/**
 * Queues every searchable listing: after the index settings changed (a new facet, say), documents written by an
 * older release may lack a field, so each is rebuilt from Postgres by the relay. Returns how many were queued.
 */
export async function enqueueEverySearchableListing(tx: AnyTx): Promise<number> {
  const rows = await tx
    .select({ id: listings.id })
    .from(listings)
    .where(inArray(listings.status, [...SEARCHABLE_STATUSES]));
  await enqueueSearchSync(
    tx,
    rows.map((r) => r.id),
  );
  return rows.length;
}
