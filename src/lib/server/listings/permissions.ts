import type { Actor } from '../auth/actor.js';
import { Forbidden, NotFound } from '../errors.js';
import { mayDraftFor, speaksFor } from '../permissions/membership.js';
import { DIRECTLY_EDITABLE } from './transitions.js';
import { isPublic } from './visibility.js';

/** What permission checks need to know about a request. */
export interface ListingScope {
  authorityId: string;
  country: string;
  status: string;
  /** Who wrote it: a member still waiting for approval keeps access to their own drafts. */
  createdBy?: string | null;
}

/** An approved member of the request's own authority: the people who write and keep it current. */
export function isAuthor(actor: Actor | null, listing: Pick<ListingScope, 'authorityId'>): boolean {
  return actor?.role === 'foreign_authority' && speaksFor(actor, listing.authorityId);
}

/** A member still waiting for approval works on the drafts they wrote themselves, and nothing else. */
export function ownsDraft(actor: Actor | null, listing: ListingScope): boolean {
  return (
    actor?.role === 'foreign_authority' &&
    mayDraftFor(actor, listing.authorityId) &&
    !!listing.createdBy &&
    listing.createdBy === actor.userId &&
    (DIRECTLY_EDITABLE as readonly string[]).includes(listing.status)
  );
}

/** Admins everywhere; correspondents only in the countries they cover. */
export function coversCountry(actor: Actor | null, country: string): boolean {
  return actor?.role === 'admin' || (actor?.role === 'correspondent' && actor.countries.includes(country));
}

export function isModerator(actor: Actor | null, listing: Pick<ListingScope, 'country'>): boolean {
  return coversCountry(actor, listing.country);
}

/** Authors and the moderators of the country see everything, contact data and audit trail included. */
export function canSeeFull(actor: Actor | null, listing: ListingScope): boolean {
  return isAuthor(actor, listing) || ownsDraft(actor, listing) || isModerator(actor, listing);
}

export function canView(actor: Actor | null, listing: ListingScope): boolean {
  return canSeeFull(actor, listing) || isPublic(listing.status);
}

/** Hidden requests answer 404, not 403: a stranger does not learn they exist. */
export function assertCanView(actor: Actor | null, listing: ListingScope): void {
  if (!canView(actor, listing)) throw new NotFound('This cooperation request');
}

export function assertCanSeeFull(actor: Actor | null, listing: ListingScope): void {
  assertCanView(actor, listing);
  if (!canSeeFull(actor, listing)) {
    throw new Forbidden('Only the authority that wrote this request and the moderators of its country may see this.');
  }
}

/** Content is written by the authority itself; an admin may correct it. Correspondents request changes instead. */
export function assertCanEdit(actor: Actor | null, listing: ListingScope): void {
  assertCanView(actor, listing);
  if (!isAuthor(actor, listing) && !ownsDraft(actor, listing) && actor?.role !== 'admin') {
    throw new Forbidden('Only the authority that wrote this request may change it.');
  }
}

export function assertCanModerate(actor: Actor | null, listing: ListingScope): void {
  assertCanView(actor, listing);
  if (!isModerator(actor, listing)) {
    throw new Forbidden(`Only the correspondent covering ${listing.country} or an admin may moderate this request.`);
  }
}

/** Author-side follow-up (discussion, match, archive, reconfirm) is open to the author and the moderators. */
export function assertCanFollowUp(actor: Actor | null, listing: ListingScope): void {
  assertCanView(actor, listing);
  if (!isAuthor(actor, listing) && !isModerator(actor, listing)) {
    throw new Forbidden('Only the authority that wrote this request or the moderators of its country may do this.');
  }
}

/** Who may post a request in the name of an authority. */
export function assertCanCreateFor(actor: Actor | null, authority: { id: string; kind: string; country: string }): void {
  if (authority.kind !== 'foreign') throw new Forbidden('Cooperation requests are posted by foreign local authorities.');
  if ((actor?.role === 'foreign_authority' && mayDraftFor(actor, authority.id)) || coversCountry(actor, authority.country)) return;
  throw new Forbidden('You may only post requests for your own authority.');
}

export function assertCanVerifyAuthority(actor: Actor | null, authority: { kind: string; country: string }): void {
  if (authority.kind !== 'foreign') throw new Forbidden('Only foreign authorities are verified here.');
  if (!coversCountry(actor, authority.country)) {
    throw new Forbidden(`Only the correspondent covering ${authority.country} or an admin may verify this authority.`);
  }
}
