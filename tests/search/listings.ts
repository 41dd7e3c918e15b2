import { eq } from 'drizzle-orm';
import { listings } from '../../src/lib/server/db/schema/index.js';
import type { Services } from '../../src/lib/server/runtime/services.js';
import { loadSearchablePage, type ListingDocument } from '../../src/lib/server/search/document.js';
import { listingsIndexUid } from '../../src/lib/server/search/index-name.js';
import { enqueueSearchSync } from '../../src/lib/server/search/outbox.js';

type NewListing = typeof listings.$inferInsert;

/** Inserts listings the way the listings service will: the row and its outbox entry in one transaction. */
/** Defaults: written in French, published now. */
export async function insertListings(
  services: Services,
  values: Array<Omit<NewListing, 'originalLanguage'> & { originalLanguage?: string }>,
) {
  return services.db.transaction(async (tx) => {
    const rows = await tx
      .insert(listings)
      .values(
        values.map((v) => ({
          status: 'published' as const,
          publishedAt: new Date(),
          ...v,
          originalLanguage: v.originalLanguage ?? 'fr',
        })),
      )
      .returning();
    await enqueueSearchSync(
      tx,
      rows.map((r) => r.id),
    );
    return rows;
  });
}

export async function updateListing(services: Services, id: string, values: Partial<NewListing>) {
  await services.db.transaction(async (tx) => {
    await tx
      .update(listings)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(listings.id, id));
    await enqueueSearchSync(tx, id);
  });
}

/** Polls until `check` stops throwing: the index follows Postgres asynchronously. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Every document of the live index and what Postgres says it should hold, both sorted by id. */
export async function indexAndPostgres(services: Services) {
  const { results } = await services.meili
    .index<ListingDocument>(listingsIndexUid(services.indexPrefix))
    .getDocuments({ limit: 10_000 });
  const expected = await loadSearchablePage(services.db, null, 10_000);
  const byId = (a: ListingDocument, b: ListingDocument) => a.id.localeCompare(b.id);
  return { indexed: [...results].sort(byId), expected: expected.sort(byId) };
}
