import { and, count, eq, inArray } from 'drizzle-orm';
import type { Database, Sql } from '../db/index.js';
import { partnerships } from '../db/schema/index.js';

export interface PartnershipFigures {
  /** Confirmed partnerships: the one figure home, statistics and country pages print. */
  confirmed: number;
  /** French authorities with at least one confirmed partnership. */
  frenchAuthorities: number;
  /** Confirmed partnerships per country of the foreign authority. */
  byCountry: Record<string, number>;
}

/**
 * Every public count of partnerships comes from here, so the home page, /statistiques and the country pages agree:
 * confirmed partnerships only (claims and ended ones are not partnerships yet, or any more), counted once each,
 * by the country of the foreign authority. `countries` narrows it to a correspondent's perimeter.
 */
export async function partnershipFigures(
  sql: Sql,
  countries: readonly string[] | 'all' = 'all',
): Promise<PartnershipFigures> {
  const scope = countries === 'all' ? sql`true` : sql`f.country = any(${[...countries]}::text[])`;
  const rows = await sql<{ country: string; n: number; french: string[] }[]>`
    select f.country, count(*)::int as n, array_agg(distinct p.french_authority_id::text) as french
    from partnerships p join authorities f on f.id = p.foreign_authority_id
    where p.status = 'confirmed' and ${scope}
    group by f.country`;
  const french = new Set(rows.flatMap((r) => r.french));
  return {
    confirmed: rows.reduce((sum, r) => sum + r.n, 0),
    frenchAuthorities: french.size,
    byCountry: Object.fromEntries(rows.map((r) => [r.country, r.n])),
  };
}

/**
 * Confirmed partnerships of each of these French authorities (the same rule as `partnershipFigures`), for lists
 * that show the figure beside each authority; authorities with none are absent from the map.
 */
export async function confirmedPartnershipsOf(db: Database, frenchAuthorityIds: readonly string[]) {
  if (frenchAuthorityIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: partnerships.frenchAuthorityId, n: count() })
    .from(partnerships)
    .where(and(eq(partnerships.status, 'confirmed'), inArray(partnerships.frenchAuthorityId, [...frenchAuthorityIds])))
    .groupBy(partnerships.frenchAuthorityId);
  return new Map(rows.map((r) => [r.id, r.n]));
}
