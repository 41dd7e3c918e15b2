import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/**
 * The audit trail of trust decisions: memberships approved, rejected or disabled, domains recorded, authorities
 * merged or deleted, partnerships claimed, confirmed or ended. No foreign keys: the trail outlives what it names.
 */
export const trustEvents = pgTable(
  'trust_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    subjectUserId: uuid('subject_user_id'),
    authorityId: uuid('authority_id'),
    partnershipId: uuid('partnership_id'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('trust_events_authority_idx').on(t.authorityId, t.createdAt),
    index('trust_events_subject_idx').on(t.subjectUserId),
    index('trust_events_actor_idx').on(t.actorId),
  ],
);

/** One row per account registration: the per-IP and per-country hourly limits and the anomaly signal count these. */
export const registrationLog = pgTable(
  'registration_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    clientKey: text('client_key').notNull(),
    country: text('country').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('registration_log_client_idx').on(t.clientKey, t.createdAt),
    index('registration_log_country_idx').on(t.country, t.createdAt),
  ],
);
