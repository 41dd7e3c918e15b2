import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, partnerships } from '../db/schema/index.js';
import { Forbidden, InvalidInput, NotFound, Unauthenticated } from '../errors.js';
import { isUuid } from '../ids.js';

async function authority(db: Database, id: string, field: string) {
  if (!isUuid(id)) throw new InvalidInput(field, `${field} must be an authority id`);
  const [row] = await db.select().from(authorities).where(eq(authorities.id, id)).limit(1);
  if (!row) throw new NotFound('This authority');
  return row;
}

/**
 * Records an existing partnership (a twinning signed years ago, say). Either authority may declare it, as may
 * the correspondent of the foreign authority's country or an admin.
 */
export async function declarePartnership(
  db: Database,
  actor: Actor | null,
  input: { foreignAuthorityId: string; frenchAuthorityId: string; startedOn?: string | null },
): Promise<{ id: string; created: boolean }> {
  if (!actor) throw new Unauthenticated();
  const foreign = await authority(db, input.foreignAuthorityId, 'foreignAuthorityId');
  const french = await authority(db, input.frenchAuthorityId, 'frenchAuthorityId');
  if (foreign.kind !== 'foreign') throw new InvalidInput('foreignAuthorityId', 'foreignAuthorityId must be a foreign authority');
  if (french.kind !== 'french') throw new InvalidInput('frenchAuthorityId', 'frenchAuthorityId must be a French authority');
  if (input.startedOn != null && (!/^\d{4}-\d{2}-\d{2}$/.test(input.startedOn) || Number.isNaN(Date.parse(input.startedOn)))) {
    throw new InvalidInput('startedOn', 'startedOn must be a date like 2019-06-21');
  }
  const allowed =
    actor.role === 'admin' ||
    (actor.role === 'correspondent' && actor.countries.includes(foreign.country)) ||
    actor.authorityId === foreign.id ||
    actor.authorityId === french.id;
  if (!allowed) throw new Forbidden('Only the two authorities, the correspondent of the country or an admin may declare this partnership.');
  const inserted = await db
    .insert(partnerships)
    .values({ foreignAuthorityId: foreign.id, frenchAuthorityId: french.id, source: 'declared', startedOn: input.startedOn ?? null, createdBy: actor.userId })
    .onConflictDoNothing()
    .returning({ id: partnerships.id });
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const [existing] = await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(and(eq(partnerships.foreignAuthorityId, foreign.id), eq(partnerships.frenchAuthorityId, french.id), isNull(partnerships.listingId)))
    .limit(1);
  return { id: existing!.id, created: false };
}
