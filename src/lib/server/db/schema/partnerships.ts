import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { partnershipStatus } from './enums.js';
import { authorities } from './authorities.js';
import { users } from './accounts.js';
import { listings } from './listings.js';
import { bytea, createdAt } from './columns.js';

/**
 * A French authority's expression of interest opens a conversation with the foreign authority, relayed by
 * the platform: addresses stay hidden until both sides agree to share them.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listingId: uuid('listing_id')
      .notNull()
      .references(() => listings.id, { onDelete: 'cascade' }),
    frenchAuthorityId: uuid('french_authority_id')
      .notNull()
      .references(() => authorities.id, { onDelete: 'cascade' }),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    /** contacted → in_discussion (first reply) → matched | declined */
    status: text('status').notNull().default('contacted'),
    frenchSharesContact: boolean('french_shares_contact').notNull().default(false),
    foreignSharesContact: boolean('foreign_shares_contact').notNull().default(false),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    lastMessageSide: text('last_message_side').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('conversations_listing_french_uq').on(t.listingId, t.frenchAuthorityId),
    index('conversations_french_idx').on(t.frenchAuthorityId),
  ],
);

export const conversationMessages = pgTable(
  'conversation_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    senderId: uuid('sender_id').references(() => users.id, { onDelete: 'set null' }),
    senderSide: text('sender_side').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('conversation_messages_conversation_idx').on(t.conversationId, t.id)],
);

/** A search a user wants to hear about: new matching requests arrive in a daily or weekly digest. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, string | string[]>>().notNull(),
    frequency: text('frequency').notNull().default('weekly'),
    /** One-click unsubscribe without logging in: only the hash of the link's token is stored. */
    unsubscribeTokenHash: bytea('unsubscribe_token_hash').notNull(),
    active: boolean('active').notNull().default(true),
    lastNotifiedAt: timestamp('last_notified_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    index('saved_searches_user_idx').on(t.userId),
    uniqueIndex('saved_searches_unsubscribe_uq').on(t.unsubscribeTokenHash),
  ],
);

/**
 * Who works with whom: from matches made here and partnerships declared by the authorities. A partnership belongs
 * to the two authorities; it is a claim (pending) until the other side or the country's correspondent confirms it,
 * and only confirmed ones are public, counted, exported or used by recommendations.
 */
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    foreignAuthorityId: uuid('foreign_authority_id')
      .notNull()
      .references(() => authorities.id, { onDelete: 'cascade' }),
    frenchAuthorityId: uuid('french_authority_id')
      .notNull()
      .references(() => authorities.id, { onDelete: 'cascade' }),
    listingId: uuid('listing_id').references(() => listings.id, { onDelete: 'set null' }),
    source: text('source').notNull(),
    startedOn: date('started_on'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    status: partnershipStatus('status').notNull().default('pending'),
    /** Which side claimed it ('french', 'foreign', or 'staff' for a correspondent or admin): the other side confirms. */
    declaredBySide: text('declared_by_side').notNull().default('staff'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => users.id, { onDelete: 'set null' }),
    endReason: text('end_reason'),
    /** What the two authorities work on together (theme codes of the reference list). */
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    description: text('description'),
    /** A public page about the partnership (an agreement, a project page): http(s) only. */
    link: text('link'),
    /** When the cooperation itself stopped (a twinning that ran 2008–2015): history, not the withdrawal of a claim. */
    endedOn: date('ended_on'),
    /** The import that brought it (Atlas-like file): a batch is rolled back as a whole. */
    importBatchId: uuid('import_batch_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('partnerships_import_batch_idx').on(t.importBatchId),
    // One live partnership per pair (and request); an ended one may be declared again.
    uniqueIndex('partnerships_pair_listing_uq')
      .on(
        t.foreignAuthorityId,
        t.frenchAuthorityId,
        sql`coalesce(${t.listingId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`${t.status} <> 'ended'`),
    index('partnerships_foreign_idx').on(t.foreignAuthorityId),
    index('partnerships_french_idx').on(t.frenchAuthorityId),
  ],
);

/** Idempotency of outgoing notifications: a key per (what, whom, period) is written once, with the send. */
export const sentNotifications = pgTable('sent_notifications', {
  key: text('key').primaryKey(),
  payload: jsonb('payload'),
  createdAt: createdAt(),
});

/**
 * One import of existing partnerships by an admin (an Atlas-like CSV/XLSX): its report is kept so the dry run
 * shown is what gets committed, and the batch id lets an admin roll the whole import back.
 */
export const partnershipImportBatches = pgTable('partnership_import_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  /** uploaded → matching → ready → committing → committed → rolled_back; failed when a step could not finish. */
  status: text('status').notNull().default('dry_run'),
  rows: integer('rows').notNull().default(0),
  created: integer('created').notNull().default(0),
  /** Rows the running step (dry run or commit) has gone through: the progress the page shows. */
  processed: integer('processed').notNull().default(0),
  /** The file as read (header row, then the data rows as text cells), kept until the batch is committed. */
  source: jsonb('source'),
  /** Which column of the file feeds which field (field → column index), guessed then set by the admin. */
  mapping: jsonb('mapping'),
  report: jsonb('report'),
  /** Why the last step failed (what the admin reads), when status = failed. */
  error: text('error'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  committedAt: timestamp('committed_at', { withTimezone: true }),
  rolledBackAt: timestamp('rolled_back_at', { withTimezone: true }),
  createdAt: createdAt(),
});
