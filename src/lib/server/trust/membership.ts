import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import { verifyAuthority } from '../authorities/verify.js';
import { authorities, users } from '../db/schema/index.js';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { approvedMembersOf, assertMayDecideMembership, type MembershipState } from '../permissions/membership.js';
import type { Services } from '../runtime/services.js';
import { markApproved } from './approve.js';
import { recordTrustEvent } from './audit.js';
import { notify } from '../notifications/events.js';

export type MembershipDecision = 'approve' | 'reject' | 'disable';

const TO: Record<MembershipDecision, Exclude<MembershipState, 'pending'>> = {
  approve: 'approved',
  reject: 'rejected',
  disable: 'disabled',
};
/** From which states each decision is possible: a rejected or ended member may be approved again. */
const FROM: Record<MembershipDecision, MembershipState[]> = {
  approve: ['pending', 'rejected', 'disabled'],
  reject: ['pending'],
  disable: ['approved'],
};

/**
 * Approves, rejects (reason required, the person is told) or ends someone's membership of their authority, in
 * one audited transaction; the person is mailed in their language afterwards.
 */
export async function decideMembership(
  services: Services,
  actor: Actor | null,
  userId: string,
  decision: MembershipDecision,
  reasonInput?: string | null,
): Promise<{ membership: Exclude<MembershipState, 'pending'> }> {
  if (!isUuid(userId)) throw new NotFound('The account');
  const reason = reasonInput?.trim() || null;
  if (decision !== 'approve' && !reason) throw new InvalidInput('reason', 'Say why (reason): the person is told.');
  if (reason && reason.length > 1000)
    throw new InvalidInput('reason', 'The reason is at most 1000 characters.', { reason: 'max_length', max: 1000 });
  const target = await services.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        user: users,
        authorityName: authorities.name,
        kind: authorities.kind,
        country: authorities.country,
        authorityVerifiedAt: authorities.verifiedAt,
      })
      .from(users)
      .leftJoin(authorities, eq(authorities.id, users.authorityId))
      .where(eq(users.id, userId))
      .for('update', { of: users })
      .limit(1);
    if (!row) throw new NotFound('The account');
    if (row.user.role !== 'french_authority' && row.user.role !== 'foreign_authority') {
      throw new InvalidInput('userId', 'Only members of an authority are approved this way.');
    }
    assertMayDecideMembership(actor, {
      userId,
      authorityId: row.user.authorityId,
      authorityKind: row.kind,
      country: row.country,
    });
    if (!FROM[decision].includes(row.user.membership)) {
      throw new Conflict(`This membership is ${row.user.membership}: it cannot be ${TO[decision]} now.`, {
        membership: row.user.membership,
      });
    }
    if (decision === 'approve') {
      await markApproved(
        tx,
        userId,
        actor,
        actor.role === 'admin' || actor.role === 'correspondent' ? 'moderator' : 'colleague',
      );
    } else {
      await tx
        .update(users)
        .set({
          membership: TO[decision],
          membershipDecidedAt: sql`now()`,
          membershipDecidedBy: actor.userId,
          membershipReason: reason,
          updatedAt: sql`now()`,
        })
        .where(eq(users.id, userId));
      await recordTrustEvent(tx, {
        actor,
        action: `membership.${decision}`,
        subjectUserId: userId,
        authorityId: row.user.authorityId,
        reason,
      });
    }
    return row;
  });
  // A moderator vouching for the first member of a foreign authority vouches for the authority too: one decision,
  // and the person hears it in one sentence (authority verified and account confirmed), not two.
  const verifiesAuthority =
    decision === 'approve' &&
    target.kind === 'foreign' &&
    !!target.user.authorityId &&
    !target.authorityVerifiedAt &&
    (actor!.role === 'admin' || actor!.role === 'correspondent');
  if (verifiesAuthority) await verifyAuthority(services.db, actor, target.user.authorityId!);
  else if (decision === 'approve') await notify(services.db, 'member_approved', { userId }, actor!.userId);
  else if (decision === 'reject')
    await notify(services.db, 'member_rejected', { userId, comment: reason }, actor!.userId);
  else await notify(services.db, 'membership_disabled', { userId, comment: reason }, actor!.userId);
  return { membership: TO[decision] };
}

/** The people asking to join the actor's authority: what an approved member works through on /compte. */
export async function joinRequestsFor(services: Services, actor: Actor) {
  if (!actor.authorityId || !actor.approved) return [];
  return services.db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      jobTitle: users.jobTitle,
      emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(and(eq(users.authorityId, actor.authorityId), eq(users.membership, 'pending'), isNull(users.disabledAt)))
    .orderBy(users.createdAt)
    .limit(100);
}

/**
 * Once a pending member's address is verified, the authority's approved members are asked to vouch for them
 * (never before: a stranger cannot make the platform mail an authority with an unverified address).
 */
export async function announceJoinRequest(services: Services, userId: string): Promise<number> {
  const [row] = await services.db
    .select({ user: users, authorityName: authorities.name })
    .from(users)
    .innerJoin(authorities, eq(authorities.id, users.authorityId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.user.membership !== 'pending' || !row.user.emailVerifiedAt) return 0;
  const members = await approvedMembersOf(services.db, row.user.authorityId!);
  if (members.length) await notify(services.db, 'join_request', { userId }, userId);
  return members.length;
}
