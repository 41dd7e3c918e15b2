import type { NotificationKind } from '../notifications/kinds.js';

/**
 * The steps of a request's life that change what someone must do, and what they are told. A step not listed
 * here (an edit, a follow-up the author reports) tells no one.
 */
export const STEP_NOTIFICATIONS: Record<string, { kind: NotificationKind; revision?: true }> = {
  submit: { kind: 'listing_submitted' },
  submit_revision: { kind: 'listing_revision_submitted' },
  approve: { kind: 'listing_approved' },
  approve_revision: { kind: 'listing_approved', revision: true },
  request_changes: { kind: 'listing_changes_requested' },
  request_revision_changes: { kind: 'listing_changes_requested', revision: true },
  reject: { kind: 'listing_rejected' },
  reject_revision: { kind: 'listing_rejected', revision: true },
  reconfirm: { kind: 'listing_reconfirmed' },
};
