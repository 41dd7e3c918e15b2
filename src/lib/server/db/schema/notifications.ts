import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { createdAt } from './columns.js';

/**
 * Something happened that people must hear about (a request submitted, a decision, a message…). Written in the
 * transaction that made it happen, so no event is lost between the commit and the job that tells people; the job
 * marks it processed once every recipient has their notice and, unless they chose otherwise, their mail.
 */
export const notificationEvents = pgTable(
  'notification_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    /** Ids the event is about (listingId, authorityId, userId, conversationId, messageId…) and its comment. */
    subject: jsonb('subject').$type<Record<string, string>>().notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    index('notification_events_pending_idx')
      .on(t.id)
      .where(sql`processed_at is null`),
  ],
);

/** The in-app notice of one event for one person; rendered in the reader's language when shown. */
export const notices = pgTable(
  'notices',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => notificationEvents.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** The values its text needs (request title, authority name…), captured when it happened. */
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    /** Path without locale prefix; the link is made in the reader's language. */
    path: text('path').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** When it went out by mail (immediately or in a digest); null while a digest is still to come. */
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('notices_event_user_uq').on(t.eventId, t.userId), index('notices_user_idx').on(t.userId, t.id)],
);

/** How a person wants each optional kind of mail: at once, in a daily digest, or not at all. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    mode: text('mode').notNull(),
    updatedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
