import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { listingStatus, revisionStatus } from './enums.js';
import { authorities } from './authorities.js';
import { users } from './accounts.js';
import { createdAt, updatedAt } from './columns.js';

export interface Contact {
  name: string;
  title?: string;
  email: string;
  phone?: string;
}
export interface DesiredPartner {
  types?: string[];
  populationMin?: number | null;
  populationMax?: number | null;
  frenchRegions?: string[];
  expertise?: string | null;
}
export interface Attachment {
  id: string;
  kind: 'monograph' | 'council_decision' | 'letter_of_intent' | 'other';
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}
/** The translatable text of a listing. */
export interface ListingText {
  title: string;
  summary: string;
  context?: string | null;
  difficulties?: string | null;
  objectives?: string | null;
  expectedFromFrance?: string | null;
}

/** A cooperation request ("fiche projet") posted by a foreign authority. */
export const listings = pgTable(
  'listings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorityId: uuid('authority_id')
      .notNull()
      .references(() => authorities.id, { onDelete: 'restrict' }),
    /** Copied from the authority so permission checks and queues filter without a join. */
    country: text('country').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    status: listingStatus('status').notNull().default('draft'),
    /** Optimistic concurrency: every write increments it; clients send it back as If-Match. */
    version: integer('version').notNull().default(1),
    originalLanguage: text('original_language').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    context: text('context'),
    difficulties: text('difficulties'),
    objectives: text('objectives'),
    expectedFromFrance: text('expected_from_france'),
    contributionTypes: text('contribution_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    desiredPartner: jsonb('desired_partner').$type<DesiredPartner>().notNull().default({}),
    forms: text('forms')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    durationMonths: integer('duration_months'),
    budgetEur: integer('budget_eur'),
    localContributionEur: integer('local_contribution_eur'),
    exchangeLanguages: text('exchange_languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    electedOfficial: jsonb('elected_official').$type<Contact | null>(),
    technicalContact: jsonb('technical_contact').$type<Contact | null>(),
    translations: jsonb('translations').$type<Record<string, ListingText>>().notNull().default({}),
    attachments: jsonb('attachments').$type<Attachment[]>().notNull().default([]),
    /** A published listing being edited: the proposed content waits here, the public one stays in place. */
    revision: jsonb('revision').$type<Record<string, unknown> | null>(),
    revisionStatus: revisionStatus('revision_status'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    lastConfirmedAt: timestamp('last_confirmed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('listings_status_country_idx').on(t.status, t.country),
    index('listings_authority_idx').on(t.authorityId),
    index('listings_expires_idx').on(t.expiresAt),
    check('listings_country_iso2', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('listings_themes_count', sql`cardinality(${t.themes}) <= 3`),
  ],
);

/** The audit trail: every transition and decision, who made it, when, and what changed. */
export const moderationEvents = pgTable(
  'moderation_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    listingId: uuid('listing_id')
      .notNull()
      .references(() => listings.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    fromStatus: listingStatus('from_status'),
    toStatus: listingStatus('to_status'),
    comment: text('comment'),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>(),
    createdAt: createdAt(),
  },
  (t) => [index('moderation_events_listing_idx').on(t.listingId, t.createdAt)],
);
