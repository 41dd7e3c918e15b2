/**
 * Which lifecycle states the public sees. Search shows only requests still open to a partner; the detail page
 * also shows what became of a request (matched, closed, expired) so links never break.
 */
export const SEARCHABLE_STATUSES = ['published', 'in_discussion'] as const;
export const PUBLIC_STATUSES = ['published', 'in_discussion', 'matched', 'closed', 'expired'] as const;

export const isSearchable = (status: string) => (SEARCHABLE_STATUSES as readonly string[]).includes(status);
export const isPublic = (status: string) => (PUBLIC_STATUSES as readonly string[]).includes(status);
