import type { ListingStatus } from '../db/schema/index.js';

export type { ListingStatus };

/** The state machine of a request: which states each step starts from and where it leads. */
export const TRANSITIONS = {
  submit: { from: ['draft', 'changes_requested'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'published' },
  request_changes: { from: ['submitted'], to: 'changes_requested' },
  reject: { from: ['submitted'], to: 'rejected' },
  start_discussion: { from: ['published'], to: 'in_discussion' },
  match: { from: ['in_discussion'], to: 'matched' },
  close: { from: ['matched'], to: 'closed' },
  archive: { from: ['published', 'in_discussion', 'expired'], to: 'archived' },
  expire: { from: ['published'], to: 'expired' },
} as const satisfies Record<string, { from: readonly ListingStatus[]; to: ListingStatus }>;

export type TransitionAction = keyof typeof TRANSITIONS;

/** What a moderator decides about what waits for moderation (the API, the pages and the service read this list). */
export const DECISIONS = ['approve', 'request_changes', 'reject'] as const satisfies readonly TransitionAction[];
export type Decision = (typeof DECISIONS)[number];

/** Steps of the follow-up an author or moderator reports, by the state they lead to. */
export const FOLLOW_UP = { in_discussion: 'start_discussion', matched: 'match', closed: 'close' } as const;
export type FollowUpStatus = keyof typeof FOLLOW_UP;
export const FOLLOW_UP_STATUSES = Object.keys(FOLLOW_UP) as FollowUpStatus[];

/** States whose content the author changes directly. */
export const DIRECTLY_EDITABLE: readonly ListingStatus[] = ['draft', 'changes_requested'];
/** States whose content changes through a revision that waits for moderation while the public version stays. */
export const REVISABLE: readonly ListingStatus[] = ['published', 'in_discussion'];
export const RECONFIRMABLE: readonly ListingStatus[] = ['published', 'in_discussion', 'expired'];

/** What the state machine needs to know about a request (its revision included). */
export interface ListingState {
  status: ListingStatus;
  revisionStatus: 'draft' | 'submitted' | 'changes_requested' | null;
  revision?: unknown;
}

/** The state allows this step of the table above, whoever takes it. */
export function allows(action: TransitionAction, status: ListingStatus): boolean {
  return (TRANSITIONS[action].from as readonly ListingStatus[]).includes(status);
}

/** Content can change now: in place, or as a revision unless the previous one still waits for moderation. */
export function contentEditable(listing: ListingState): boolean {
  return (
    DIRECTLY_EDITABLE.includes(listing.status) ||
    (REVISABLE.includes(listing.status) && listing.revisionStatus !== 'submitted')
  );
}

/** Something can be sent to moderation: the request itself, or a revision not sent yet. */
export function submittable(listing: ListingState): boolean {
  return (
    DIRECTLY_EDITABLE.includes(listing.status) ||
    (REVISABLE.includes(listing.status) && listing.revisionStatus !== null && listing.revisionStatus !== 'submitted')
  );
}

/** A new request or a revision waits for the moderator's decision. */
export function awaitsDecision(listing: ListingState): boolean {
  return listing.status === 'submitted' || (listing.revisionStatus === 'submitted' && listing.revision != null);
}

/** A publication lasts 12 months unless reconfirmed. */
export const PUBLICATION_MONTHS = 12;
export function publicationEnd(from: Date): Date {
  const end = new Date(from);
  end.setUTCMonth(end.getUTCMonth() + PUBLICATION_MONTHS);
  return end;
}

const DESCRIPTIONS: Record<ListingStatus, string> = {
  draft: 'a draft',
  submitted: 'waiting for moderation',
  changes_requested: 'waiting for changes requested by the moderator',
  published: 'published',
  rejected: 'rejected',
  in_discussion: 'in discussion with a partner',
  matched: 'matched with a partner',
  closed: 'closed',
  archived: 'archived',
  expired: 'expired',
};

export function describeStatus(status: ListingStatus): string {
  return DESCRIPTIONS[status];
}

const VERBS: Record<TransitionAction, string> = {
  submit: 'submitted',
  approve: 'approved',
  request_changes: 'sent back for changes',
  reject: 'rejected',
  start_discussion: 'marked as in discussion',
  match: 'marked as matched',
  close: 'closed',
  archive: 'archived',
  expire: 'expired',
};

/** Why a step is refused, in words a person understands, or null when it is allowed. */
export function refusal(action: TransitionAction, status: ListingStatus): string | null {
  const rule = TRANSITIONS[action];
  if (allows(action, status)) return null;
  const allowed = rule.from.map((s) => describeStatus(s)).join(' or ');
  return `This request is ${describeStatus(status)}: it can only be ${VERBS[action]} when it is ${allowed}.`;
}
