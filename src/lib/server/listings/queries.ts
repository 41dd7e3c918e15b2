import { and, arrayOverlaps, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, listings, users } from '../db/schema/index.js';
import { Forbidden, Unauthenticated } from '../errors.js';
import { coversCountry, inPerimeter, perimeter } from '../permissions/perimeter.js';
import { listEventRows } from './events.js';
import { assertCanSeeFull, assertCanView, availableSteps } from './permissions.js';
import { fullListing, listingFor, publicListing } from './projection.js';
import { getListing } from './store.js';
import { SEARCHABLE_STATUSES } from './visibility.js';

/** One request as the actor may see it (404 when they may not), with its version for If-Match and the steps they may take. */
export async function viewListing(db: Database, actor: Actor | null, id: string) {
  const { listing, authority } = await getListing(db, id);
  assertCanView(actor, listing);
  return {
    view: listingFor(actor, listing, authority),
    version: listing.version,
    steps: availableSteps(actor, listing),
  };
}

export const MAX_PAGE_SIZE = 100;

export interface ListingFilters {
  page: number;
  pageSize: number;
  country?: string[];
  theme?: string[];
}

/** The open requests, newest first. Plain Postgres filtering: full-text search lives in the search service. */
export async function listOpenListings(db: Database, filters: ListingFilters) {
  const pageSize = Math.min(Math.max(filters.pageSize, 1), MAX_PAGE_SIZE);
  const page = Math.max(filters.page, 1);
  const where: SQL[] = [inArray(listings.status, [...SEARCHABLE_STATUSES])];
  if (filters.country?.length) where.push(inArray(listings.country, filters.country));
  if (filters.theme?.length) where.push(arrayOverlaps(listings.themes, filters.theme));
  const condition = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select({ listing: listings, authority: authorities })
      .from(listings)
      .innerJoin(authorities, eq(authorities.id, listings.authorityId))
      .where(condition)
      .orderBy(desc(listings.publishedAt), desc(listings.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(listings).where(condition),
  ]);
  return { items: rows.map((r) => publicListing(r.listing, r.authority)), page, pageSize, total: total?.n ?? 0 };
}

/** Every request of the actor's own authority, in any state, most recently changed first. */
export async function listMyListings(db: Database, actor: Actor | null) {
  if (!actor) throw new Unauthenticated();
  if (actor.role !== 'foreign_authority' || !actor.authorityId) {
    throw new Forbidden('Only the users of a foreign authority have requests of their own.');
  }
  const rows = await db
    .select({ listing: listings, authority: authorities })
    .from(listings)
    .innerJoin(authorities, eq(authorities.id, listings.authorityId))
    // A member waiting for approval sees only the drafts they wrote; approved members see all of the authority's.
    .where(
      actor.approved
        ? eq(listings.authorityId, actor.authorityId)
        : and(eq(listings.authorityId, actor.authorityId), eq(listings.createdBy, actor.userId)),
    )
    .orderBy(desc(listings.updatedAt));
  return rows.map((r) => fullListing(r.listing, r.authority));
}

/**
 * What waits for the actor's decision: new requests and revisions of published ones, in the countries they
 * cover (all countries for admins), oldest first so nobody waits forever.
 */
export async function moderationQueue(db: Database, actor: Actor | null, now: Date = new Date(), country?: string) {
  if (!actor) throw new Unauthenticated();
  const countries = perimeter(actor);
  if (!countries) throw new Forbidden('Only correspondents and admins moderate requests.');
  // One country of the perimeter: a correspondent asking for another country's queue is refused, not shown nothing.
  if (country && !coversCountry(actor, country))
    throw new Forbidden(`You do not cover ${country}: its queue is its correspondent's.`);
  const waiting = or(eq(listings.status, 'submitted'), eq(listings.revisionStatus, 'submitted'))!;
  const scope = and(
    waiting,
    inPerimeter(listings.country, countries),
    country ? eq(listings.country, country) : undefined,
  );
  const rows = await db
    .select({ listing: listings, authority: authorities })
    .from(listings)
    .innerJoin(authorities, eq(authorities.id, listings.authorityId))
    .where(scope)
    .orderBy(asc(sql`coalesce(${listings.submittedAt}, ${listings.updatedAt})`), asc(listings.id));
  return rows.map(({ listing, authority }) => {
    const since = listing.submittedAt ?? listing.updatedAt;
    return {
      kind: listing.status === 'submitted' ? ('new' as const) : ('revision' as const),
      submittedAt: since.toISOString(),
      waitingSeconds: Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000)),
      authorityVerified: authority.verifiedAt !== null,
      listing: fullListing(listing, authority),
    };
  });
}

/** The audit trail of one request, for its authors and moderators only. */
export async function listingEvents(db: Database, actor: Actor | null, id: string) {
  const { listing } = await getListing(db, id);
  if (!actor) throw new Unauthenticated();
  assertCanSeeFull(actor, listing);
  const rows = await listEventRows(db, id);
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => x !== null))];
  const names = actorIds.length
    ? new Map(
        (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, actorIds))).map(
          (u) => [u.id, u.name],
        ),
      )
    : new Map<string, string>();
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    actorId: r.actorId,
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
    actorRole: r.actorRole,
    action: r.action,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    comment: r.comment,
    changes: r.changes,
  }));
}
