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

