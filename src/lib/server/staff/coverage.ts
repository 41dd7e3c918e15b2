import { and, asc, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { correspondentCountries, listings, users } from '../db/schema/index.js';
import { Forbidden } from '../errors.js';

/** Requests still alive: waiting for a decision, or public and open to partners. */
const OPEN = ['published', 'in_discussion'] as const;

/**
 * The countries where requests are open or waiting and no active correspondent covers them: the admins moderate
 * those, and the delegation knows where to appoint someone. Most waiting first.
 */
export async function coverageGaps(db: Database, actor: Actor | null) {
  if (actor?.role !== 'admin') throw new Forbidden('Only administrators see the coverage of countries.');
  const covered = db
    .select({ country: correspondentCountries.country })
    .from(correspondentCountries)
    .innerJoin(users, eq(users.id, correspondentCountries.userId))
    .where(and(eq(users.role, 'correspondent'), isNull(users.disabledAt)));
  const waiting = or(eq(listings.status, 'submitted'), eq(listings.revisionStatus, 'submitted'))!;
  const rows = await db
    .select({
      country: listings.country,
      waiting: sql<number>`count(*) filter (where ${waiting})::int`,
      open: sql<number>`count(*) filter (where ${inArray(listings.status, [...OPEN])})::int`,
      oldestWaiting: sql<Date | null>`min(coalesce(${listings.submittedAt}, ${listings.updatedAt})) filter (where ${waiting})`,
    })
    .from(listings)
    .where(and(or(waiting, inArray(listings.status, [...OPEN])), notInArray(listings.country, covered)))
    .groupBy(listings.country)
    .orderBy(sql`count(*) filter (where ${waiting}) desc`, asc(listings.country));
  return rows.map((r) => ({ ...r, oldestWaiting: r.oldestWaiting ? new Date(r.oldestWaiting) : null }));
}
