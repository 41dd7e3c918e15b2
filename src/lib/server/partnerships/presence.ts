import { and, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/index.js';
import { authorities, partnerships } from '../db/schema/index.js';

export interface FrenchPresence {
  authorityId: string;
  name: string;
  type: string;
  region: string | null;
  /** Foreign authorities of the country it works with. */
  partners: string[];
  partnerships: number;
}

const foreign = alias(authorities, 'foreign_authority');

/**
 * French authorities already active in a country, from confirmed partnerships (matches and declarations both sides
 * agreed to): public,
 * so correspondents can coordinate and French authorities see who is present.
 */
export async function frenchPresenceIn(db: Database, country: string): Promise<FrenchPresence[]> {
  const rows = await db
    .select({
      authorityId: authorities.id,
      name: authorities.name,
      type: authorities.type,
      region: authorities.region,
      partners: sql<string[]>`array_agg(distinct ${foreign.name} order by ${foreign.name})`,
      partnerships: count(partnerships.id),
    })
    .from(partnerships)
    .innerJoin(authorities, eq(authorities.id, partnerships.frenchAuthorityId))
    .innerJoin(foreign, eq(foreign.id, partnerships.foreignAuthorityId))
    .where(and(eq(foreign.country, country), eq(partnerships.status, 'confirmed')))
    .groupBy(authorities.id)
    .orderBy(desc(count(partnerships.id)), authorities.name);
  return rows.map((r) => ({ ...r, partnerships: Number(r.partnerships) }));
}

/** Countries (and foreign authorities) a French authority already works with: feeds the match score. */
export async function tiesOf(
  db: Database,
  frenchAuthorityId: string,
): Promise<{ countries: string[]; authorityIds: string[] }> {
  const rows = await db
    .select({ id: foreign.id, country: foreign.country })
    .from(partnerships)
    .innerJoin(foreign, eq(foreign.id, partnerships.foreignAuthorityId))
    .where(and(eq(partnerships.frenchAuthorityId, frenchAuthorityId), eq(partnerships.status, 'confirmed')));
  return { countries: [...new Set(rows.map((r) => r.country))], authorityIds: [...new Set(rows.map((r) => r.id))] };
}

export interface AuthorityPartnership {
  country: string;
  foreignName: string;
  startedOn: string | null;
}

/** A French authority's confirmed partnerships (public), for its page: grouped by country by the caller. */
export async function confirmedPartnershipsOf(
  db: Database,
  frenchAuthorityId: string,
): Promise<AuthorityPartnership[]> {
  return db
    .select({ country: foreign.country, foreignName: foreign.name, startedOn: partnerships.startedOn })
    .from(partnerships)
    .innerJoin(foreign, eq(foreign.id, partnerships.foreignAuthorityId))
    .where(and(eq(partnerships.frenchAuthorityId, frenchAuthorityId), eq(partnerships.status, 'confirmed')))
    .orderBy(foreign.country, foreign.name);
}
