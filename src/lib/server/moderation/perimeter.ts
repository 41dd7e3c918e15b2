import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, listings } from '../db/schema/index.js';
import { Forbidden, Unauthenticated } from '../errors.js';
import type { ListingStatus } from '../listings/transitions.js';
import { inPerimeter, perimeter, type Perimeter } from '../permissions/perimeter.js';

/** The moderator's perimeter; anyone who moderates nothing is refused. */
export function moderationScope(actor: Actor | null): Perimeter {
  if (!actor) throw new Unauthenticated();
  const scope = perimeter(actor);
  if (!scope) throw new Forbidden('Only correspondents and admins moderate requests.');
  return scope;
}

/** The requests of the moderator's countries in one state, most recently changed first. */
export async function listingsInPerimeter(db: Database, actor: Actor | null, status: ListingStatus, limit = 200) {
  const scope = moderationScope(actor);
  return db
    .select({
      id: listings.id,
      title: listings.title,
      country: listings.country,
      status: listings.status,
      revisionStatus: listings.revisionStatus,
      updatedAt: listings.updatedAt,
      expiresAt: listings.expiresAt,
      authorityName: authorities.name,
    })
    .from(listings)
    .innerJoin(authorities, eq(authorities.id, listings.authorityId))
    .where(and(eq(listings.status, status), inPerimeter(listings.country, scope)))
    .orderBy(desc(listings.updatedAt))
    .limit(limit);
}
