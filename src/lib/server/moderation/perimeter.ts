import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, listings, users } from '../db/schema/index.js';
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

/** Foreign authorities of the moderator's countries not verified yet, with their accounts, oldest first. */
export async function pendingVerifications(db: Database, actor: Actor | null) {
  const scope = moderationScope(actor);
  const rows = await db
    .select({
      id: authorities.id,
      name: authorities.name,
      type: authorities.type,
      country: authorities.country,
      region: authorities.region,
      website: authorities.website,
      createdAt: authorities.createdAt,
    })
    .from(authorities)
    .where(
      and(eq(authorities.kind, 'foreign'), isNull(authorities.verifiedAt), inPerimeter(authorities.country, scope)),
    )
    .orderBy(asc(authorities.createdAt))
    .limit(200);
  const people = rows.length
    ? await db
        .select({
          id: users.id,
          authorityId: users.authorityId,
          displayName: users.displayName,
          email: users.email,
          approved: sql<boolean>`${users.membership} = 'approved'`,
          emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`,
        })
        .from(users)
        .where(
          inArray(
            users.authorityId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((r) => ({ ...r, users: people.filter((p) => p.authorityId === r.id) }));
}
