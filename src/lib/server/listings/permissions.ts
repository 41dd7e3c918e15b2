import type { Actor } from '../auth/actor.js';
import { Forbidden, NotFound } from '../errors.js';
import { mayDraftFor, speaksFor } from '../permissions/membership.js';
import { coversCountry } from '../permissions/perimeter.js';
import {
  allows,
  awaitsDecision,
  contentEditable,
  DIRECTLY_EDITABLE,
  FOLLOW_UP,
  FOLLOW_UP_STATUSES,
  RECONFIRMABLE,
  submittable,
  type FollowUpStatus,
  type ListingState,
} from './transitions.js';
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
function isEditor(actor: Actor | null, listing: ListingScope): boolean {
  return isAuthor(actor, listing) || ownsDraft(actor, listing) || actor?.role === 'admin';
}

/** The follow-up (discussion, match, archive, reconfirm) belongs to the author and the moderators. */
function followsUp(actor: Actor | null, listing: ListingScope): boolean {
  return isAuthor(actor, listing) || isModerator(actor, listing);
}

export function assertCanEdit(actor: Actor | null, listing: ListingScope): void {
  assertCanView(actor, listing);
  if (!isEditor(actor, listing)) {
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
  if (!followsUp(actor, listing)) {
    throw new Forbidden('Only the authority that wrote this request or the moderators of its country may do this.');
  }
}

/** Who may post a request in the name of an authority. */
export function assertCanCreateFor(
  actor: Actor | null,
  authority: { id: string; kind: string; country: string },
): void {
  if (authority.kind !== 'foreign')
    throw new Forbidden('Cooperation requests are posted by foreign local authorities.');
  if (
    (actor?.role === 'foreign_authority' && mayDraftFor(actor, authority.id)) ||
    coversCountry(actor, authority.country)
  )
    return;
  throw new Forbidden('You may only post requests for your own authority.');
}

export function assertCanVerifyAuthority(actor: Actor | null, authority: { kind: string; country: string }): void {
  if (authority.kind !== 'foreign') throw new Forbidden('Only foreign authorities are verified here.');
  if (!coversCountry(actor, authority.country)) {
    throw new Forbidden(`Only the correspondent covering ${authority.country} or an admin may verify this authority.`);
  }
}

/** Each step a person may take on a request now; `followUp` lists the states they may report it reached. */
export interface AvailableSteps {
  edit: boolean;
  submit: boolean;
  decide: boolean;
  followUp: FollowUpStatus[];
  archive: boolean;
  reconfirm: boolean;
}

/**
 * Who (the checks above) and when (transitions.ts) combined: what the services will accept from this person
 * in the request's current state. Pages offer exactly these steps; the services refuse the others with the
 * reason. Standing in the authority (an unverified address, say) is not looked at: the refusal explains it.
 */
export function availableSteps(actor: Actor | null, listing: ListingScope & ListingState): AvailableSteps {
  const visible = canView(actor, listing);
  const editor = visible && isEditor(actor, listing);
  const follower = visible && followsUp(actor, listing);
  return {
    edit: editor && contentEditable(listing),
    submit: editor && submittable(listing),
    decide: visible && isModerator(actor, listing) && awaitsDecision(listing),
    followUp: follower ? FOLLOW_UP_STATUSES.filter((to) => allows(FOLLOW_UP[to], listing.status)) : [],
    archive: follower && allows('archive', listing.status),
    reconfirm: follower && RECONFIRMABLE.includes(listing.status),
  };
}
