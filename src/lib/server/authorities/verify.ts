import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, listings, users } from '../db/schema/index.js';
import { recordTrustEvent } from '../trust/audit.js';
import { markApproved } from '../trust/approve.js';
import { NotFound, Unauthenticated } from '../errors.js';
import { assertCanVerifyAuthority } from '../listings/permissions.js';
import { dispatch, recordNotification } from '../notifications/events.js';
import { enqueueSearchSync } from '../search/outbox.js';
import { isUuid } from '../ids.js';

/**
 * A correspondent (or admin) confirms that a foreign authority is who it says it is; until then its requests
 * cannot be published. Verifying twice keeps the first verification.
 */
export async function verifyAuthority(db: Database, actor: Actor | null, authorityId: string) {
  if (!actor) throw new Unauthenticated();
  const { authority, eventId } = await db.transaction(async (tx) => {
    const [authority] = isUuid(authorityId)
      ? await tx.select().from(authorities).where(eq(authorities.id, authorityId)).limit(1).for('update')
      : [];
    if (!authority) throw new NotFound('This authority');
    assertCanVerifyAuthority(actor, authority);
    if (authority.verifiedAt) return { authority, eventId: null };
    const [verified] = await tx
      .update(authorities)
      .set({ verifiedAt: new Date(), verifiedBy: actor.userId, updatedAt: new Date() })
      .where(eq(authorities.id, authorityId))
      .returning();
    // "Verified" is shown with every request of the authority, search documents included.
    const ids = await tx.select({ id: listings.id }).from(listings).where(eq(listings.authorityId, authorityId));
    await enqueueSearchSync(
      tx,
      ids.map((r) => r.id),
    );
    // Checking the authority is checking the people who registered it: its pending members are approved with it.
    const founders = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.authorityId, authorityId), eq(users.membership, 'pending'), isNull(users.disabledAt)));
    for (const founder of founders) await markApproved(tx, founder.id, actor, 'authority_verified');
    await recordTrustEvent(tx, { actor, action: 'authority.verify', authorityId });
    // Its people hear it once, in one sentence that also says their account is confirmed.
    return {
      authority: verified!,
      eventId: await recordNotification(tx, 'authority_verified', { authorityId }, actor.userId),
    };
  });
  await dispatch(eventId);
  return authority;
}
