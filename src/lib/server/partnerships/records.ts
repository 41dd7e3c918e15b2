import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities } from '../db/schema/index.js';
import { Forbidden, InvalidInput, NotFound, Unauthenticated } from '../errors.js';
import { isUuid } from '../ids.js';
import { inPerimeter, perimeter } from '../permissions/perimeter.js';
import { mergeAuthorities, type MergeResult } from '../trust/merge.js';

export interface AuthorityRecord {
  id: string;
  name: string;
  country: string;
  recordedFrom: string;
  partnerships: number;
  /** Registered authorities of the same country with a similar name, most similar first. */
  candidates: Array<{ id: string; name: string; similarity: number }>;
}

/**
 * Foreign authorities recorded without an account (named in a partnership declaration or an import), in the
 * countries the moderator covers, each with the registered authorities it may be: what the correspondent ties.
 */
export async function authorityRecordsToTie(db: Database, actor: Actor | null, limit = 50): Promise<AuthorityRecord[]> {
  if (!actor) throw new Unauthenticated();
  const scope = perimeter(actor);
  if (!scope) throw new Forbidden('Only correspondents and admins tie authority records to accounts.');
  const records = await db
    .select({
      id: authorities.id,
      name: authorities.name,
      country: authorities.country,
      recordedFrom: authorities.recordedFrom,
      partnerships: sql<number>`(select count(*)::int from partnerships p where p.foreign_authority_id = "authorities"."id")`,
    })
    .from(authorities)
    .where(
      and(
        eq(authorities.kind, 'foreign'),
        isNotNull(authorities.recordedFrom),
        inPerimeter(authorities.country, scope),
      ),
    )
    .orderBy(asc(authorities.country), asc(authorities.name))
    .limit(limit);
  const out: AuthorityRecord[] = [];
  for (const record of records) {
    // A registered authority is one with at least one member account; similar names first (pg_trgm).
    const candidates = await db
      .select({
        id: authorities.id,
        name: authorities.name,
        similarity: sql<number>`similarity(lower(${authorities.name}), lower(${record.name}))::float8`,
      })
      .from(authorities)
      .where(
        and(
          eq(authorities.kind, 'foreign'),
          eq(authorities.country, record.country),
          isNull(authorities.recordedFrom),
          sql`exists (select 1 from users u where u.authority_id = "authorities"."id")`,
        ),
      )
      .orderBy(sql`similarity(lower(${authorities.name}), lower(${record.name})) desc`, asc(authorities.name))
      .limit(10);
    out.push({ ...record, recordedFrom: record.recordedFrom!, candidates });
  }
  return out;
}

/**
 * Ties a record to the authority that has since registered: the record's partnerships move to it (a claim still
 * pending can then be confirmed by its members) and the record disappears. Same rule and audit as a merge.
 */
export async function tieAuthorityRecord(
  db: Database,
  actor: Actor | null,
  recordId: string,
  authorityId: string,
): Promise<MergeResult> {
  if (!actor) throw new Unauthenticated();
  if (!isUuid(recordId)) throw new InvalidInput('recordId', 'recordId must be an authority id.');
  if (!isUuid(authorityId)) throw new InvalidInput('authorityId', 'Choose the registered authority.');
  const [record] = await db.select().from(authorities).where(eq(authorities.id, recordId)).limit(1);
  if (!record || record.kind !== 'foreign') throw new NotFound('This authority record');
  if (!record.recordedFrom)
    throw new InvalidInput('recordId', 'This authority has its own account: merge duplicates from moderation.');
  return mergeAuthorities(db, actor, authorityId, recordId, `Record tied to its registered authority`);
}
