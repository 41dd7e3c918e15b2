import { and, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { authorities } from '../db/schema/index.js';
import { InvalidInput } from '../errors.js';
import { communesForPostcode } from './postcodes.js';

export interface FrenchAuthorityChoice {
  id: string;
  name: string;
  type: string;
  officialCode: string | null;
  region: string | null;
  /** Communes: "Seine-Saint-Denis (93)", which tells the four Montreuil apart. */
  departement: string | null;
  population: number | null;
}

/**
 * The collectivités a French person picks from at registration: by official code (INSEE, SIREN) or postcode when
 * the query is a code, by name otherwise, largest first.
 */
export async function searchFrenchAuthorities(
  db: Database,
  rawQuery: string,
  limit = 20,
): Promise<FrenchAuthorityChoice[]> {
  const query = rawQuery.trim();
  if (query.length < 2) throw new InvalidInput('q', 'Type at least 2 characters.', { reason: 'min_length', min: 2 });
  if (query.length > 100)
    throw new InvalidInput('q', 'Type at most 100 characters.', { reason: 'max_length', max: 100 });
  const isCode = /^[0-9][0-9AB][0-9]*$/i.test(query);
  const escaped = query.replace(/[\\%_]/g, (c) => `\\${c}`);
  const postcodeCommunes = /^\d{5}$/.test(query) ? communesForPostcode(query) : [];
  const match = isCode
    ? or(
        eq(authorities.officialCode, query.toUpperCase()),
        ilike(authorities.officialCode, `${escaped}%`),
        postcodeCommunes.length
          ? and(eq(authorities.type, 'commune'), inArray(authorities.officialCode, postcodeCommunes))
          : undefined,
      )
    : ilike(authorities.name, `%${escaped}%`);
  return db
    .select({
      id: authorities.id,
      name: authorities.name,
      type: authorities.type,
      officialCode: authorities.officialCode,
      region: authorities.region,
      departement: authorities.departement,
      population: authorities.population,
    })
    .from(authorities)
    .where(and(eq(authorities.kind, 'french'), match))
    .orderBy(
      sql`lower(${authorities.name}) = lower(${query}) desc`,
      desc(sql`coalesce(${authorities.population}, 0)`),
      authorities.name,
    )
    .limit(limit);
}
