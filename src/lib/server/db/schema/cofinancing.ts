import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
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
import { users } from './accounts.js';
import { createdAt, updatedAt } from './columns.js';

/**
 * A way to co-finance a cooperation project: a call for projects, a facility, a 1 % mechanism, a crisis fund or
 * an EU programme. Empty `countries` / `themes` mean "any". Administered by the delegation; every change is kept
 * in `cofinancing_programme_history`.
 */
export const cofinancingProgrammes = pgTable(
  'cofinancing_programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable key of a reference entry (reloading the reference never duplicates nor overwrites it). */
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    funder: text('funder').notNull(),
    kind: text('kind').notNull(),
    maxRatePercent: integer('max_rate_percent'),
    countries: text('countries')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    applicantTypes: text('applicant_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** For a water agency's 1 %: the basin it serves (the French authority's basin decides whether it fits). */
    waterBasin: text('water_basin'),
    opensOn: date('opens_on'),
    closesOn: date('closes_on'),
    /** Dates given as an example, to be confirmed by an admin: shown as such. */
    datesToConfirm: boolean('dates_to_confirm').notNull().default(false),
    officialUrl: text('official_url').notNull(),
    /** Where the entry's facts come from (law, seed document, official page). */
    source: text('source').notNull().default(''),
    description: text('description').notNull().default(''),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('cofinancing_rate_range', sql`${t.maxRatePercent} is null or (${t.maxRatePercent} between 1 and 100)`),
    check(
      'cofinancing_dates_order',
      sql`${t.opensOn} is null or ${t.closesOn} is null or ${t.opensOn} <= ${t.closesOn}`,
    ),
  ],
);

/** Each version of a programme as it was saved, with who saved it: nothing an admin changes is lost. */
export const cofinancingProgrammeHistory = pgTable(
  'cofinancing_programme_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => cofinancingProgrammes.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    action: text('action').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('cofinancing_history_programme_idx').on(t.programmeId, t.version)],
);

/**
 * Who helps French authorities of a région: its regional multi-actor network (RRMA) and other regional contacts
 * (the diplomatic adviser to the regional prefect…). Institutional contacts only, never a person's own address.
 */
export const supportContacts = pgTable(
  'support_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** French région name as the authorities table writes it ("Pays de la Loire"). */
    region: text('region').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    website: text('website'),
    email: text('email'),
    address: text('address'),
    source: text('source').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('support_contacts_region_name_uq').on(t.region, t.name)],
);
