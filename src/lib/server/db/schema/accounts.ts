import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { membershipState, userRole } from './enums.js';
import { authorities } from './authorities.js';
import { bytea, createdAt, updatedAt } from './columns.js';

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
    /** Standing in the authority (authorityId): pending until a member, the email domain or a moderator vouches. */
    membership: membershipState('membership').notNull().default('pending'),
    membershipDecidedAt: timestamp('membership_decided_at', { withTimezone: true }),
    membershipDecidedBy: uuid('membership_decided_by'),
    /** Why a membership was rejected or disabled: told to the person. */
    membershipReason: text('membership_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
    index('users_authority_idx').on(t.authorityId),
    index('users_membership_created_idx').on(t.membership, t.createdAt),
  ],
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
    payload: jsonb('payload')
      .notNull()
      .default(sql`'{}'::jsonb`),
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
