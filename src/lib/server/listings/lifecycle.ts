import { and, inArray, lte, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { listings } from '../db/schema/index.js';
import { InvalidInput, Unauthenticated } from '../errors.js';
import { dispatch, recordNotification } from '../notifications/events.js';
import { enqueueSearchSync } from '../search/outbox.js';
import { diff, recordEvent } from './events.js';
import type { ListingContent } from './fields.js';
import { assertCanFollowUp, assertCanModerate, availableSteps } from './permissions.js';
import { applyStep, conflictWithCurrent, type ListingWithAuthority, type Step } from './store.js';
import {
  describeStatus,
  FOLLOW_UP,
  publicationEnd,
  RECONFIRMABLE,
  refusal,
  TRANSITIONS,
  type Decision,
  type FollowUpStatus,
  type TransitionAction,
} from './transitions.js';

export type { Decision };

/** A step of the state machine, refused with the reason when the request is not in a state it starts from. */
function transition(current: ListingWithAuthority, action: TransitionAction, comment?: string | null): Step {
  const reason = refusal(action, current.listing.status);
  if (reason) throw conflictWithCurrent(reason, current.listing);
  const to = TRANSITIONS[action].to;
  return { set: { status: to }, action, toStatus: to, comment: comment ?? null };
}

function publication(now: Date) {
  return { lastConfirmedAt: now, expiresAt: publicationEnd(now) };
}

/** Approves, sends back or rejects what waits for moderation: a new request or a revision of a published one. */
export async function decideListing(
  db: Database,
  actor: Actor | null,
  id: string,
  input: { decision: Decision; comment?: string | null },
  expectedVersion?: number,
): Promise<ListingWithAuthority> {
  if (!actor) throw new Unauthenticated();
  const comment = input.comment?.trim() || null;
  if (input.decision !== 'approve' && !comment) {
    throw new InvalidInput(
      'comment',
      'Explain to the authority what to change or why the request is refused (comment).',
    );
  }
  return applyStep(db, actor, id, expectedVersion, (current) => {
    const { listing, authority } = current;
    assertCanModerate(actor, listing);
    if (!availableSteps(actor, listing).decide) {
      throw conflictWithCurrent(
        `There is nothing to decide: this request is ${describeStatus(listing.status)} and no change awaits moderation.`,
        listing,
      );
    }
    const now = new Date();
    if (listing.status === 'submitted') {
      if (input.decision === 'approve') {
        if (!authority.verifiedAt) {
          throw conflictWithCurrent(
            `${authority.name} has not been verified yet: verify the authority before publishing its requests.`,
            listing,
          );
        }
        const step = transition(current, 'approve', comment);
        return { ...step, set: { ...step.set, publishedAt: listing.publishedAt ?? now, ...publication(now) } };
      }
      return transition(current, input.decision, comment);
    }
    // Otherwise a revision of the published request waits (availableSteps checked it is there).
    const revision = listing.revision!;
    if (input.decision === 'approve') {
      return {
        set: { ...(revision as Partial<ListingContent>), revision: null, revisionStatus: null },
        action: 'approve_revision',
        comment,
        changes: diff(listing, revision),
      };
    }
    if (input.decision === 'request_changes') {
      return { set: { revisionStatus: 'changes_requested' }, action: 'request_revision_changes', comment };
    }
    return {
      set: { revision: null, revisionStatus: null },
      action: 'reject_revision',
      comment,
      changes: diff(listing, revision),
    };
  });
}

/** Reports what became of a published request: in discussion, matched (agreement signed), closed. */
export async function followUpListing(
  db: Database,
  actor: Actor | null,
  id: string,
  to: FollowUpStatus,
  comment?: string | null,
  expectedVersion?: number,
): Promise<ListingWithAuthority> {
  if (!actor) throw new Unauthenticated();
  return applyStep(db, actor, id, expectedVersion, (current) => {
    assertCanFollowUp(actor, current.listing);
    return transition(current, FOLLOW_UP[to], comment);
  });
}

export async function archiveListing(
  db: Database,
  actor: Actor | null,
  id: string,
  comment?: string | null,
  expectedVersion?: number,
) {
  if (!actor) throw new Unauthenticated();
  return applyStep(db, actor, id, expectedVersion, (current) => {
    assertCanFollowUp(actor, current.listing);
    return {
      ...transition(current, 'archive', comment),
      set: { status: 'archived', revision: null, revisionStatus: null },
    };
  });
}

/** The author says the request is still current: 12 more months. An expired request comes back. */
export async function reconfirmListing(db: Database, actor: Actor | null, id: string, expectedVersion?: number) {
  if (!actor) throw new Unauthenticated();
  return applyStep(db, actor, id, expectedVersion, ({ listing }) => {
    assertCanFollowUp(actor, listing);
    if (!RECONFIRMABLE.includes(listing.status)) {
      throw conflictWithCurrent(
        `This request is ${describeStatus(listing.status)}: only a published, in-discussion or expired request can be reconfirmed.`,
        listing,
      );
    }
    const status = listing.status === 'expired' ? 'published' : listing.status;
    return { set: { status, ...publication(new Date()) }, action: 'reconfirm', toStatus: status };
  });
}

/**
 * Expires every published request not reconfirmed within 12 months, each with its audit-trail row, in one
 * transaction. Safe to run from several processes: a row already expired is no longer matched.
 */
export async function expireDueListings(db: Database, now: Date = new Date()): Promise<number> {
  const { count, eventIds } = await db.transaction(async (tx) => {
    const eventIds: number[] = [];
    const expired = await tx
      .update(listings)
      .set({ status: 'expired', version: sql`${listings.version} + 1`, updatedAt: now })
      .where(and(inArray(listings.status, [...TRANSITIONS.expire.from]), lte(listings.expiresAt, now)))
      .returning({ id: listings.id });
    for (const { id } of expired) {
      await recordEvent(tx, {
        listingId: id,
        actor: null,
        action: 'expire',
        fromStatus: 'published',
        toStatus: 'expired',
        comment: 'Not reconfirmed within 12 months of publication.',
      });
      eventIds.push(await recordNotification(tx, 'listing_expired', { listingId: id }, null));
    }
    await enqueueSearchSync(
      tx,
      expired.map((r) => r.id),
    );
    return { count: expired.length, eventIds };
  });
  await dispatch(...eventIds);
  return count;
}
