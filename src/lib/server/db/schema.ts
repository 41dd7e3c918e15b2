import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// drizzle-orm 0.45 has no bytea column type.
const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value),
  fromDriver: (value) => new Uint8Array(value),
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

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

/** A local authority, foreign or French. French ones come from official data (official_code = INSEE/SIREN). */
export const authorities = pgTable(
  'authorities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: authorityKind('kind').notNull(),
    type: text('type').notNull(),
    name: text('name').notNull(),
    country: text('country').notNull(),
    region: text('region'),
    officialCode: text('official_code'),
    population: integer('population'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    website: text('website'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    /** French partners the authority already works with, as it declares them. */
    existingPartners: text('existing_partners'),
    /** Themes a (French) authority declares an interest in: feeds recommendations. */
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('authorities_kind_official_code_uq').on(t.kind, t.officialCode),
    index('authorities_country_idx').on(t.country),
    index('authorities_name_idx').on(t.name),
    check('authorities_country_iso2', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('authorities_population_positive', sql`${t.population} is null or ${t.population} >= 0`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    role: userRole('role').notNull(),
    authorityId: uuid('authority_id').references(() => authorities.id, { onDelete: 'set null' }),
    jobTitle: text('job_title'),
    locale: text('locale').notNull().default('fr'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** Set by an admin or correspondent when a person was checked by other means (phone, embassy). */
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_uq').on(sql`lower(${t.email})`), index('users_authority_idx').on(t.authorityId)],
);

/** Countries an embassy correspondent covers: the perimeter of everything they may see and decide. */
export const correspondentCountries = pgTable(
  'correspondent_countries',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    country: text('country').notNull(),
    assignedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.country] }), index('correspondent_countries_country_idx').on(t.country)],
);

/** Sessions the lucia-auth.com way: the token is `<id>.<secret>`, only a hash of the secret is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: bytea('secret_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastVerifiedAt: timestamp('last_verified_at', { withTimezone: true }).notNull().defaultNow(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Single-use, expiring tokens (email verification, password reset, invitation, reconfirmation). */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose').notNull(),
    tokenHash: bytea('token_hash').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    email: text('email'),
    payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('one_time_tokens_hash_uq').on(t.tokenHash)],
);

/** Failed-attempt counters shared by every app process (per IP and per account). */
export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
});

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
    contributionTypes: text('contribution_types').array().notNull().default(sql`'{}'::text[]`),
    desiredPartner: jsonb('desired_partner').$type<DesiredPartner>().notNull().default({}),
    forms: text('forms').array().notNull().default(sql`'{}'::text[]`),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    durationMonths: integer('duration_months'),
    budgetEur: integer('budget_eur'),
    localContributionEur: integer('local_contribution_eur'),
    exchangeLanguages: text('exchange_languages').array().notNull().default(sql`'{}'::text[]`),
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

/**
 * Transactional outbox for the search index: written in the same transaction as the listing change, so the
 * index can never miss one. The relay deletes rows once Meilisearch has confirmed the task.
 */
export const searchOutbox = pgTable(
  'search_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    listingId: uuid('listing_id').notNull(),
    attempts: integer('attempts').notNull().default(0),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [index('search_outbox_available_idx').on(t.availableAt, t.id)],
);

export const schemaFlags = pgTable('app_flags', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

