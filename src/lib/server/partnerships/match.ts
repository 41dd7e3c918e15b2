import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, conversations, partnerships } from '../db/schema/index.js';
import { InvalidInput, Unauthenticated } from '../errors.js';
import { assertCanFollowUp } from '../listings/permissions.js';
import { applyStep, conflictWithCurrent, type ListingWithAuthority } from '../listings/store.js';
import { refusal } from '../listings/transitions.js';
import { isUuid } from '../ids.js';
import { dispatch, recordNotification } from '../notifications/events.js';

/**
 * A request found its French partner(s): it becomes "matched" and each pair enters the partnerships table,
 * in one transaction (the status and the partners never disagree).
 */
export async function markMatched(
  db: Database,
  actor: Actor | null,
  listingId: string,
  input: { frenchAuthorityIds: string[]; comment?: string | null; startedOn?: string | null },
  expectedVersion?: number,
): Promise<ListingWithAuthority> {
  if (!actor) throw new Unauthenticated();
  const ids = [...new Set(input.frenchAuthorityIds)];
  if (ids.length < 1 || ids.length > 20 || !ids.every(isUuid)) {
    throw new InvalidInput('frenchAuthorityIds', 'Name 1 to 20 French partner authorities.');
  }
  const found = await db
    .select({ id: authorities.id })
    .from(authorities)
    .where(and(inArray(authorities.id, ids), eq(authorities.kind, 'french')));
  if (found.length !== ids.length)
    throw new InvalidInput('frenchAuthorityIds', 'Every partner must be a French local authority of the platform.');
  const byModerator = actor.role === 'admin' || actor.role === 'correspondent';
  const claims: number[] = [];
  const updated = await applyStep(db, actor, listingId, expectedVersion, (current) => {
    assertCanFollowUp(actor, current.listing);
    const reason = refusal('match', current.listing.status);
    if (reason) throw conflictWithCurrent(reason, current.listing);
    return {
      set: { status: 'matched' },
      action: 'match',
      toStatus: 'matched',
      comment: input.comment ?? null,
      changes: { partners: { from: null, to: ids } },
      alsoWrite: async (tx, updated) => {
        const inserted = await tx
          .insert(partnerships)
          .values(
            ids.map((frenchAuthorityId) => ({
              foreignAuthorityId: updated.authorityId,
              frenchAuthorityId,
              listingId: updated.id,
              source: 'match',
              startedOn: input.startedOn ?? null,
              createdBy: actor.userId,
              // Reported by the foreign author, a match is its claim until each French partner confirms it.
              declaredBySide: byModerator ? 'staff' : 'foreign',
              status: byModerator ? ('confirmed' as const) : ('pending' as const),
              confirmedAt: byModerator ? new Date() : null,
              confirmedBy: byModerator ? actor.userId : null,
            })),
          )
          .onConflictDoNothing()
          .returning({ id: partnerships.id, status: partnerships.status });
        // Each French partner hears of the claim (its approved members confirm or refuse it); recorded with the
        // change, so the claim exists exactly when its notice does.
        for (const p of inserted.filter((row) => row.status === 'pending'))
          claims.push(
            await recordNotification(
              tx,
              'partnership_claimed',
              { partnershipId: p.id, byAuthorityId: updated.authorityId },
              actor.userId,
            ),
          );
        await tx
          .update(conversations)
          .set({ status: 'matched' })
          .where(and(eq(conversations.listingId, updated.id), inArray(conversations.frenchAuthorityId, ids)));
      },
    };
  });
  await dispatch(...claims);
  return updated;
}
