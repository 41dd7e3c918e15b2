import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities } from '../db/schema/index.js';
import { InvalidInput } from '../errors.js';
import { confirmedPartnershipsOf } from '../partnerships/figures.js';
import { assertMaySearchFrenchAuthorities } from '../permissions/french-authority-search.js';

export interface FrenchAuthorityHit {
  id: string;
  name: string;
  type: string;
  officialCode: string | null;
  departement: string | null;
  region: string | null;
  population: number | null;
}

const MAX_QUERY = 120;
const columns = {
  id: authorities.id,
  name: authorities.name,
  type: authorities.type,
  officialCode: authorities.officialCode,
  departement: authorities.departement,
  region: authorities.region,
  population: authorities.population,
};

/** `%` and `_` typed by a person are letters, not wildcards. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function cleaned(raw: string | null | undefined, field: string, controls: 'blank' | 'refuse' = 'blank'): string {
  // A search box refuses control characters (nobody types them); a declaration form blanks pasted tabs and breaks.
  if (controls === 'refuse' && /[\u0000-\u001f\u007f]/.test(raw ?? ''))
    throw new InvalidInput(field, 'Control characters are not allowed.', { reason: 'control_characters' });
  const text = (raw ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (text.length > MAX_QUERY)
    throw new InvalidInput(field, `At most ${MAX_QUERY} characters.`, { reason: 'max_length', max: MAX_QUERY });
  return text;
}

/**
 * Staff search of French authorities (35,000 communes, EPCI, départements, régions) by name or INSEE/SIREN code,
 * département (its number or name) and région: exact codes first, then names starting with the text, the most
 * populated first. Correspondents and admins only: members find their partners through the declaration form.
 */
export async function searchFrenchAuthorities(
  db: Database,
  actor: Actor | null,
  input: { q?: string | null; departement?: string | null; region?: string | null; page?: number },
  pageSize = 25,
): Promise<{
  hits: (FrenchAuthorityHit & { confirmedPartnerships: number })[];
  total: number;
  page: number;
  pageSize: number;
}> {
  assertMaySearchFrenchAuthorities(actor);
  const q = cleaned(input.q, 'q', 'refuse');
  const departement = cleaned(input.departement, 'departement', 'refuse');
  const region = cleaned(input.region, 'region', 'refuse');
  const page = Number.isInteger(input.page) && input.page! >= 1 && input.page! <= 1000 ? input.page! : 1;
  const conditions: SQL[] = [eq(authorities.kind, 'french')];
  if (q) {
    conditions.push(
      or(
        eq(authorities.officialCode, q),
        sql`lower(immutable_unaccent(${authorities.name})) like '%' || lower(immutable_unaccent(${literal(q)})) || '%'`,
      )!,
    );
  }
  if (departement) {
    // "22", "2A" or "Côtes-d'Armor": the column reads "Côtes-d'Armor (22)".
    conditions.push(
      /^(\d{2,3}|2[AB])$/i.test(departement)
        ? ilike(authorities.departement, `%(${departement.toUpperCase()})`)
        : sql`lower(immutable_unaccent(${authorities.departement})) like lower(immutable_unaccent(${literal(departement)})) || '%'`,
    );
  }
  if (region)
    conditions.push(sql`lower(immutable_unaccent(${authorities.region})) = lower(immutable_unaccent(${region}))`);
  const where = and(...conditions);
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(authorities)
    .where(where);
  const hits = await db
    .select(columns)
    .from(authorities)
    .where(where)
    .orderBy(
      ...(q
        ? [
            sql`(${authorities.officialCode} = ${q}) desc`,
            sql`(lower(immutable_unaccent(${authorities.name})) like lower(immutable_unaccent(${literal(q)})) || '%') desc`,
          ]
        : []),
      sql`${authorities.population} desc nulls last`,
      asc(authorities.name),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const partnerships = await confirmedPartnershipsOf(
    db,
    hits.map((h) => h.id),
  );
  return {
    hits: hits.map((h) => ({ ...h, confirmedPartnerships: partnerships.get(h.id) ?? 0 })),
    total,
    page,
    pageSize,
  };
}

/**
 * The French authority a member names in a declaration: its INSEE/SIREN code, or its name (several Montreuil:
 * the caller asks which one). Public data only.
 */
export async function frenchAuthorityCandidates(db: Database, raw: string, limit = 8): Promise<FrenchAuthorityHit[]> {
  const text = cleaned(raw, 'frenchAuthority');
  if (!text) return [];
  const byCode = await db
    .select(columns)
    .from(authorities)
    .where(and(eq(authorities.kind, 'french'), eq(authorities.officialCode, text)))
    .limit(1);
  if (byCode.length) return byCode;
  return db
    .select(columns)
    .from(authorities)
    .where(
      and(
        eq(authorities.kind, 'french'),
        sql`lower(immutable_unaccent(${authorities.name})) = lower(immutable_unaccent(${text}))`,
      ),
    )
    .orderBy(sql`${authorities.population} desc nulls last`)
    .limit(limit);
}
