import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { authorities } from '../db/schema/index.js';

/** Below this trigram similarity (of the names without their type words) two authorities are not offered as one. */
export const SIMILARITY_THRESHOLD = 0.4;

/**
 * The distinctive part of an authority's name: lower-cased, accents removed, without the type words every name
 * of a country shares ("Commune de", "Ville de", "Municipalité de"…) that would make all of them look alike.
 */
const core = (name: ReturnType<typeof sql>) =>
  sql`trim(regexp_replace(public.immutable_unaccent(lower(${name})), '^((commune|ville|municipalite|municipalidad|municipio|mairie|city|town|municipality|district|region|province|departement|prefecture|conseil|council)( (urbaine|rurale|regional|departemental|municipal|rural|urban))?( (de la|de l''|de|du|des|d''|of|del|de los|de las))? ?)+', ''))`;

export interface SimilarAuthority {
  id: string;
  name: string;
  type: string;
  region: string | null;
  verified: boolean;
  similarity: number;
}

/** Foreign authorities of the country whose name resembles this one, most similar first (pg_trgm). */
export async function similarAuthorities(
  db: Pick<Database, 'select'>,
  country: string,
  name: string,
  limit = 5,
): Promise<SimilarAuthority[]> {
  const wanted = name.trim();
  if (wanted.length < 2 || !/^[A-Z]{2}$/.test(country)) return [];
  const score = sql<number>`public.similarity(${core(sql`${authorities.name}`)}, ${core(sql`${wanted}::text`)})`;
  const rows = await db
    .select({
      id: authorities.id,
      name: authorities.name,
      type: authorities.type,
      region: authorities.region,
      verified: sql<boolean>`${authorities.verifiedAt} is not null`,
      similarity: score,
    })
    .from(authorities)
    .where(
      and(eq(authorities.kind, 'foreign'), eq(authorities.country, country), sql`${score} >= ${SIMILARITY_THRESHOLD}`),
    )
    .orderBy(desc(score), desc(authorities.verifiedAt), authorities.name)
    .limit(limit);
  return rows.map((r) => ({ ...r, similarity: Math.round(Number(r.similarity) * 100) / 100 }));
}
