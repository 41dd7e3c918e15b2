import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, listings } from '../db/schema/index.js';
import { InvalidInput, NotFound, PreconditionRequired, Unauthenticated } from '../errors.js';
import { diff, recordEvent } from './events.js';
import { assertMaySendFor } from '../permissions/membership.js';
import { assertCanCreateFor, assertCanEdit, availableSteps } from './permissions.js';
import { applyStep, conflictWithCurrent, type ListingWithAuthority } from './store.js';
import { describeStatus, DIRECTLY_EDITABLE, REVISABLE } from './transitions.js';
import { validateListingContent } from './validation.js';
import { isUuid } from '../ids.js';

/**
 * A new request starts as a draft of the author's own authority. Correspondents and admins may also post one
 * for a foreign authority of their countries (the historical Bourse worked through the embassies).
 */
export async function createListing(
  db: Database,
  actor: Actor | null,
  input: Record<string, unknown>,
): Promise<ListingWithAuthority> {
  if (!actor) throw new Unauthenticated();
  const { authorityId: requested, ...body } = input;
  if (requested !== undefined && typeof requested !== 'string')
    throw new InvalidInput('authorityId', 'authorityId must be an authority id.');
  const authorityId = requested ?? actor.authorityId;
  if (!authorityId)
    throw new InvalidInput('authorityId', 'Say for which authority this request is posted (authorityId).');
  const [authority] = isUuid(authorityId)
    ? await db.select().from(authorities).where(eq(authorities.id, authorityId)).limit(1)
    : [];
  if (!authority) throw new NotFound('This authority');
  assertCanCreateFor(actor, authority);
  const content = validateListingContent(body, 'create');
  return db.transaction(async (tx) => {
    const [listing] = await tx
      .insert(listings)
      .values({
        ...content,
        authorityId: authority.id,
        country: authority.country,
        createdBy: actor.userId,
        status: 'draft',
      })
      .returning();
    // No search outbox row: a new draft is not searchable, and its id was never in the index. Each one used to
    // cost the relay a Meilisearch delete task (10 % of the mixed load's requests are new drafts).
    await recordEvent(tx, { listingId: listing!.id, actor, action: 'create', fromStatus: null, toStatus: 'draft' });
    return { listing: listing!, authority };
  });
}

/**
 * Changes the content. Drafts and requests sent back for changes are edited in place; a published request keeps
 * its public content while the proposed one waits in `revision` for moderation.
 */
export async function updateListing(
  db: Database,
  actor: Actor | null,
  id: string,
  input: unknown,
  expectedVersion: number | null,
): Promise<ListingWithAuthority> {
  if (!actor) throw new Unauthenticated();
  const patch = validateListingContent(input, 'update');
  if (Object.keys(patch).length === 0) throw new InvalidInput('body', 'Nothing to change: send at least one field.');
  return applyStep(db, actor, id, expectedVersion ?? undefined, ({ listing }) => {
    assertCanEdit(actor, listing);
    if (expectedVersion === null) {
      throw new PreconditionRequired(
        'Send the version you edited in an If-Match header, so no one else’s change is lost.',
        {
          currentVersion: listing.version,
        },
      );
    }
    if (!availableSteps(actor, listing).edit) {
      throw conflictWithCurrent(
        REVISABLE.includes(listing.status)
          ? 'Your previous changes are waiting for moderation: wait for the decision before changing it again.'
          : `This request is ${describeStatus(listing.status)}: it can no longer be changed.`,
        listing,
      );
    }
    if (DIRECTLY_EDITABLE.includes(listing.status)) {
      return { set: patch, action: 'edit', changes: diff(listing, patch) };
    }
    const revision = { ...(listing.revision ?? {}), ...patch };
    return { set: { revision, revisionStatus: 'draft' }, action: 'edit_revision', changes: diff(listing, patch) };
  });
}

/** Sends a draft (or a revision of a published request) to the correspondent of its country. */
export async function submitListing(
  db: Database,
  actor: Actor | null,
  id: string,
  expectedVersion?: number,
): Promise<ListingWithAuthority> {
  if (!actor) throw new Unauthenticated();
  return applyStep(db, actor, id, expectedVersion, ({ listing }) => {
    assertCanEdit(actor, listing);
    // Submitting speaks for the authority: an approved member with a verified address (or an admin).
    if (actor.role !== 'admin') assertMaySendFor(actor, listing.authorityId, 'Submitting this request');
    const now = new Date();
    if (availableSteps(actor, listing).submit) {
      return DIRECTLY_EDITABLE.includes(listing.status)
        ? { set: { status: 'submitted', submittedAt: now }, action: 'submit', toStatus: 'submitted' }
        : { set: { revisionStatus: 'submitted', submittedAt: now }, action: 'submit_revision' };
    }
    if (listing.revisionStatus === 'submitted' || listing.status === 'submitted') {
      throw conflictWithCurrent('This request is already waiting for moderation.', listing);
    }
    throw conflictWithCurrent(
      REVISABLE.includes(listing.status)
        ? `This request is ${describeStatus(listing.status)} and has no pending changes to submit.`
        : `This request is ${describeStatus(listing.status)}: it can only be submitted when it is a draft or waiting for changes.`,
      listing,
    );
  });
}
