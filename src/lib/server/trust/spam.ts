import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, listings, users } from '../db/schema/index.js';
import { Conflict, Forbidden, InvalidInput, Unauthenticated } from '../errors.js';
import { isUuid } from '../ids.js';
import { coversCountry } from '../permissions/perimeter.js';
import { enqueueSearchSync } from '../search/outbox.js';
import { recordTrustEvent } from './audit.js';

/**
 * Deletes registrations a moderator judges to be spam, with the authority each created when nothing else
 * depends on it (still unverified, no other member, no request ever made public: the statuses of
 * PUBLIC_STATUSES, or a publication date). Pending accounts of foreign
 * authorities in the moderator's countries only; one transaction, one audit row per account.
 */
export async function deleteSpamRegistrations(
  db: Database,
  actor: Actor | null,
  userIds: string[],
): Promise<{ accounts: number; authorities: number }> {
  if (!actor) throw new Unauthenticated();
  if (actor.role !== 'admin' && actor.role !== 'correspondent')
    throw new Forbidden('Only correspondents and admins delete registrations.');
  const ids = [...new Set(userIds)];
  if (ids.length === 0 || ids.length > 500 || !ids.every(isUuid))
    throw new InvalidInput('userIds', 'Choose 1 to 500 accounts.');
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        membership: users.membership,
        authorityId: users.authorityId,
        country: authorities.country,
        kind: authorities.kind,
        verifiedAt: authorities.verifiedAt,
        authorityName: authorities.name,
      })
      .from(users)
      .innerJoin(authorities, eq(authorities.id, users.authorityId))
      .where(inArray(users.id, ids))
      .for('update', { of: users });
    if (rows.length !== ids.length)
      throw new InvalidInput('userIds', 'Some of these accounts do not exist (any more).');
    for (const r of rows) {
      if (r.kind !== 'foreign' || r.role !== 'foreign_authority')
        throw new InvalidInput('userIds', 'Only registrations of foreign authorities are deleted here.');
      if (actor.role === 'correspondent' && !coversCountry(actor, r.country))
        throw new Forbidden(`You do not cover ${r.country}.`);
      if (r.membership === 'approved')
        throw new Conflict(`${r.displayName} is an approved member: remove their membership instead.`);
    }
    await tx.delete(users).where(inArray(users.id, ids));
    const candidates = [...new Set(rows.filter((r) => !r.verifiedAt).map((r) => r.authorityId!))];
    let removed: string[] = [];
    if (candidates.length) {
      const kept = new Set(
        (
          await tx
            .select({ id: authorities.id })
            .from(authorities)
            .where(
              and(
                inArray(authorities.id, candidates),
                sql`(exists (select 1 from users u where u.authority_id = ${authorities.id})
                  or exists (select 1 from listings l where l.authority_id = ${authorities.id} and (l.status in ('published', 'in_discussion', 'matched', 'closed', 'expired') or l.published_at is not null))
                  or exists (select 1 from partnerships p where p.foreign_authority_id = ${authorities.id} and p.status <> 'pending'))`,
              ),
            )
        ).map((r) => r.id),
      );
      removed = candidates.filter((id) => !kept.has(id));
      if (removed.length) {
        const drafts = await tx
          .delete(listings)
          .where(inArray(listings.authorityId, removed))
          .returning({ id: listings.id });
        await enqueueSearchSync(
          tx,
          drafts.map((d) => d.id),
        );
        await tx
          .delete(authorities)
          .where(
            and(
              inArray(authorities.id, removed),
              notInArray(authorities.id, [...kept, '00000000-0000-0000-0000-000000000000']),
            ),
          );
      }
    }
    for (const r of rows) {
      await recordTrustEvent(tx, {
        actor,
        action: 'registration.delete_spam',
        subjectUserId: r.id,
        authorityId: r.authorityId,
        details: {
          email: r.email,
          displayName: r.displayName,
          authorityName: r.authorityName,
          authorityDeleted: removed.includes(r.authorityId!),
        },
      });
    }
    return { accounts: rows.length, authorities: removed.length };
  });
}
