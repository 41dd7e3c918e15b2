import { pgEnum } from 'drizzle-orm/pg-core';

export const authorityKind = pgEnum('authority_kind', ['foreign', 'french']);
export const userRole = pgEnum('user_role', ['foreign_authority', 'french_authority', 'correspondent', 'admin']);
export const listingStatus = pgEnum('listing_status', [
  'draft',
  'submitted',
  'changes_requested',
  'published',
  'rejected',
  'in_discussion',
  'matched',
  'closed',
  'archived',
  'expired',
]);
export type ListingStatus = (typeof listingStatus.enumValues)[number];
export const LISTING_STATUSES: readonly ListingStatus[] = listingStatus.enumValues;

/*
 * Groups of states, named once: services, API routes and pages read them here rather than listing states again.
 * Search shows only requests still open to a partner; the detail page also shows what became of a request
 * (matched, closed, expired) so links never break.
 */
export const SEARCHABLE_STATUSES = ['published', 'in_discussion'] as const satisfies readonly ListingStatus[];
export const PUBLIC_STATUSES = [
  'published',
  'in_discussion',
  'matched',
  'closed',
  'expired',
] as const satisfies readonly ListingStatus[];
/** Every state a published request can reach (what statistics count as "published"). */
export const EVER_PUBLISHED_STATUSES = [
  'published',
  'in_discussion',
  'matched',
  'closed',
  'archived',
  'expired',
] as const satisfies readonly ListingStatus[];
/** A partner was found (statistics' match rate). */
export const MATCHED_STATUSES = ['matched', 'closed'] as const satisfies readonly ListingStatus[];

export const revisionStatus = pgEnum('revision_status', ['draft', 'submitted', 'changes_requested']);

/** A person's standing in their authority: only approved members act or read in its name (docs/PERMISSIONS.md). */
export const membershipState = pgEnum('membership_state', ['pending', 'approved', 'rejected', 'disabled']);
/** A partnership is a claim until the other side (or the country's correspondent) confirms it. */
export const partnershipStatus = pgEnum('partnership_status', ['pending', 'confirmed', 'ended']);
