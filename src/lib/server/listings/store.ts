import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, listings } from '../db/schema/index.js';
import { Conflict, NotFound, PreconditionFailed } from '../errors.js';
import { enqueueSearchSync } from '../search/outbox.js';
import { isSearchable } from './visibility.js';
import { recordEvent, type Changes, type Tx } from './events.js';
import { describeStatus, type ListingStatus } from './transitions.js';
import { isUuid } from '../ids.js';
import { dispatch, recordNotification } from '../notifications/events.js';
import { STEP_NOTIFICATIONS } from './step-notifications.js';

export type ListingRow = typeof listings.$inferSelect;
export type AuthorityRow = typeof authorities.$inferSelect;
export interface ListingWithAuthority {
  listing: ListingRow;
  authority: AuthorityRow;
}

export async function findListing(db: Database | Tx, id: string): Promise<ListingWithAuthority | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ listing: listings, authority: authorities })
    .from(listings)
    .innerJoin(authorities, eq(authorities.id, listings.authorityId))
    .where(eq(listings.id, id))
    .limit(1);
  return row ?? null;
}

export async function getListing(db: Database | Tx, id: string): Promise<ListingWithAuthority> {
  const found = await findListing(db, id);
  if (!found) throw new NotFound('This cooperation request');
  return found;
}

/** What a step does: the columns it sets and the audit-trail row it leaves. */
export interface Step {
  set: Partial<typeof listings.$inferInsert>;
  action: string;
  toStatus?: ListingStatus;
  comment?: string | null;
  changes?: Changes | null;
  /** Rows that belong with the step (e.g. the partnerships of a match), written in the same transaction. */
  alsoWrite?: (tx: Tx, updated: ListingRow) => Promise<void>;
}

export function conflictWithCurrent(message: string, listing: Pick<ListingRow, 'status' | 'version'>): Conflict {
  return new Conflict(message, { currentStatus: listing.status, currentVersion: listing.version });
}

/**
 * Runs one step of a request's life in a transaction. The UPDATE only applies if the row still has the status
 * and version that were read: of two people acting at once exactly one wins, the other gets a 409 with the
 * current state. Every step writes its audit-trail row, tells the search index when what it shows changes, and records who must hear of it
 * (notification service), in the same transaction.
 */
export async function applyStep(
  db: Database,
  actor: Actor | null,
  id: string,
  expectedVersion: number | undefined,
  plan: (current: ListingWithAuthority) => Step | Promise<Step>,
): Promise<ListingWithAuthority> {
  const { result, eventId } = await db.transaction(async (tx) => {
    const current = await getListing(tx, id);
    const step = await plan(current);
    if (expectedVersion !== undefined && current.listing.version !== expectedVersion) {
      throw new PreconditionFailed(
        `This request was changed since you loaded it (you have version ${expectedVersion}, the current one is ${current.listing.version}). Reload it and try again.`,
        { currentVersion: current.listing.version },
      );
    }
    const [updated] = await tx
      .update(listings)
      .set({ ...step.set, version: sql`${listings.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(listings.id, id),
          eq(listings.status, current.listing.status),
          eq(listings.version, current.listing.version),
        ),
      )
      .returning();
    if (!updated) {
      const now = await getListing(tx, id);
      throw conflictWithCurrent(
        `Someone else acted on this request at the same moment; it is now ${describeStatus(now.listing.status)} (version ${now.listing.version}).`,
        now.listing,
      );
    }
    await recordEvent(tx, {
      listingId: id,
      actor,
      action: step.action,
      fromStatus: current.listing.status,
      toStatus: step.toStatus ?? current.listing.status,
      comment: step.comment,
      changes: step.changes,
    });
    await step.alsoWrite?.(tx, updated);
    // A step between two states search never shows (editing a draft, submitting it) leaves the index as it was:
    // queueing it would only have the relay ask Meilisearch to delete a document that is not there.
    if (isSearchable(current.listing.status) || isSearchable(updated.status)) await enqueueSearchSync(tx, id);
    const told = STEP_NOTIFICATIONS[step.action];
    const eventId = told
      ? await recordNotification(
          tx,
          told.kind,
          { listingId: id, comment: step.comment, revision: told.revision ? 'true' : null },
          actor?.userId ?? null,
        )
      : null;
    return { result: { listing: updated, authority: current.authority }, eventId };
  });
  await dispatch(eventId);
  return result;
}
