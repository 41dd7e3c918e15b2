import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, users } from '../db/schema/index.js';
import { recordTrustEvent } from './audit.js';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Marks a member approved; a French collectivité (never published, checked by its official code) is verified
 * along with its first approved member.
 */
export async function markApproved(
  tx: Tx,
  userId: string,
  by: Pick<Actor, 'userId' | 'role'> | null,
  how: string,
): Promise<void> {
  const [row] = await tx
    .update(users)
    .set({
      membership: 'approved',
      approvedAt: sql`coalesce(${users.approvedAt}, now())`,
      membershipDecidedAt: sql`now()`,
      membershipDecidedBy: by?.userId ?? null,
      membershipReason: null,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, userId))
    .returning({ authorityId: users.authorityId });
  if (row?.authorityId) {
    await tx
      .update(authorities)
      .set({ verifiedAt: sql`now()`, verifiedBy: by?.userId ?? null, updatedAt: sql`now()` })
      .where(and(eq(authorities.id, row.authorityId), eq(authorities.kind, 'french'), isNull(authorities.verifiedAt)));
  }
  await recordTrustEvent(tx, {
    actor: by,
    action: 'membership.approve',
    subjectUserId: userId,
    authorityId: row?.authorityId,
    details: { how },
  });
}
