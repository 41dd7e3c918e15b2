import { inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../auth/actor.js';

/**
 * The countries a staff member moderates: every country for the ministry's delegation (admins), the countries
 * covered for an embassy correspondent (possibly none), nothing at all for anyone else (null). Every check and
 * every query about "the moderator's countries" reads it here, so a change of rule is made once.
 */
export type Perimeter = 'all' | readonly string[];

export function perimeter(actor: Pick<Actor, 'role' | 'countries'> | null | undefined): Perimeter | null {
  if (actor?.role === 'admin') return 'all';
  if (actor?.role === 'correspondent') return actor.countries;
  return null;
}

/** Whether the actor moderates this country (admins: every country; correspondents: the ones they cover). */
export function coversCountry(
  actor: Pick<Actor, 'role' | 'countries'> | null | undefined,
  country: string | null | undefined,
): boolean {
  const scope = perimeter(actor);
  return scope === 'all' || (!!scope && !!country && scope.includes(country));
}

/** The same rule as a SQL condition on a country column: true for admins, false when the perimeter is empty. */
export function inPerimeter(column: PgColumn, scope: Perimeter | null): SQL {
  if (scope === 'all') return sql`true`;
  if (!scope || scope.length === 0) return sql`false`;
  return inArray(column, [...scope]);
}
