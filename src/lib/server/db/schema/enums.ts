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
export const revisionStatus = pgEnum('revision_status', ['draft', 'submitted', 'changes_requested']);

/** A person's standing in their authority: only approved members act or read in its name (docs/PERMISSIONS.md). */
export const membershipState = pgEnum('membership_state', ['pending', 'approved', 'rejected', 'disabled']);
/** A partnership is a claim until the other side (or the country's correspondent) confirms it. */
export const partnershipStatus = pgEnum('partnership_status', ['pending', 'confirmed', 'ended']);
