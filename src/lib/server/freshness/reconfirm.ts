import { loadActor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { DomainError } from '../errors.js';
import { reconfirmListing } from '../listings/lifecycle.js';
import { findListing } from '../listings/store.js';
import { reconfirmTokenMatches } from './reconfirm-link.js';
import { isUuid } from '../ids.js';

export class InvalidReconfirmLink extends DomainError {
  constructor() {
    super(
      400,
      'invalid_link',
      'This reconfirmation link is invalid or was already used. Sign in to reconfirm the request from “My requests”.',
      { field: 't' },
    );
  }
}

/**
 * Reconfirms from the mailed link, without signing in: the signed link stands for the author who received it,
 * and the lifecycle service still checks that this person may reconfirm the request.
 */
export async function reconfirmFromLink(db: Database, input: { listingId: string; userId: string; token: string }) {
  if (!isUuid(input.listingId) || !isUuid(input.userId) || !/^[A-Za-z0-9_-]{20,100}$/.test(input.token))
    throw new InvalidReconfirmLink();
  const found = await findListing(db, input.listingId);
  if (!found?.listing.expiresAt) throw new InvalidReconfirmLink();
  if (!(await reconfirmTokenMatches(db, input.token, input.listingId, input.userId, found.listing.expiresAt)))
    throw new InvalidReconfirmLink();
  const actor = await loadActor(db, input.userId, null);
  if (!actor) throw new InvalidReconfirmLink();
  const { listing } = await reconfirmListing(db, actor, input.listingId);
  return { id: listing.id, title: listing.title, expiresAt: listing.expiresAt! };
}
