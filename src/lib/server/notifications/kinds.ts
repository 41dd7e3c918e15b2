/**
 * Every kind of event people are told about. Account kinds concern the person's own standing and always go out at
 * once; the others follow each person's preference (immediately, in a daily digest, or not by mail).
 */
export const NOTIFICATION_KINDS = [
  'listing_submitted',
  'listing_revision_submitted',
  'listing_changes_requested',
  'listing_approved',
  'listing_rejected',
  'listing_expiring',
  'listing_expired',
  'listing_reconfirmed',
  'authority_verified',
  'member_approved',
  'member_rejected',
  'membership_disabled',
  'account_rejected',
  'join_request',
  'invitation_accepted',
  'partnership_claimed',
  'partnership_confirmed',
  'partnership_ended',
  'message_received',
  'message_unanswered',
  'message_undeliverable',
  'queue_digest',
  'coverage_digest',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const ACCOUNT_KINDS: readonly NotificationKind[] = [
  'authority_verified',
  'member_approved',
  'member_rejected',
  'membership_disabled',
  'account_rejected',
  'invitation_accepted',
];

export type DeliveryMode = 'immediate' | 'daily' | 'off';
export const DELIVERY_MODES: readonly DeliveryMode[] = ['immediate', 'daily', 'off'];

export const isNotificationKind = (value: unknown): value is NotificationKind =>
  typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);

/** Optional kinds are the ones a person may turn into a digest or switch off (and unsubscribe from in one click). */
export const isOptional = (kind: NotificationKind): boolean => !ACCOUNT_KINDS.includes(kind);

/** Kinds that only concern one role: the staff digests. Everyone else never sees them in their preferences. */
const ROLE_KINDS: Partial<Record<NotificationKind, string>> = {
  queue_digest: 'correspondent',
  coverage_digest: 'admin',
};

/** The kinds a person with this role can receive (and choose a mode for). */
export const kindsFor = (role: string): NotificationKind[] =>
  NOTIFICATION_KINDS.filter((kind) => !ROLE_KINDS[kind] || ROLE_KINDS[kind] === role);
