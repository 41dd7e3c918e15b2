import { m } from '$lib/i18n';

const LABELS: Record<string, () => string> = {
  draft: m.listing_status_draft,
  submitted: m.listing_status_submitted,
  changes_requested: m.listing_status_changes_requested,
  published: m.listing_status_published,
  rejected: m.listing_status_rejected,
  in_discussion: m.listing_status_in_discussion,
  matched: m.listing_status_matched,
  closed: m.listing_status_closed,
  archived: m.listing_status_archived,
  expired: m.listing_status_expired,
};

/** A request's lifecycle state in the reader's language. */
export const statusLabel = (status: string): string => LABELS[status]?.() ?? status;
