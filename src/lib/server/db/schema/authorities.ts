import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { authorityKind } from './enums.js';
import { createdAt, updatedAt } from './columns.js';

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
    /** French communes: their département, "Seine-Saint-Denis (93)", to tell homonyms apart (four Montreuil). */
    departement: text('departement'),
    officialCode: text('official_code'),
    population: integer('population'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    website: text('website'),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** French partners the authority already works with, as it declares them. */
    existingPartners: text('existing_partners'),
    /** Themes a (French) authority declares an interest in: feeds recommendations. */
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Mail domains known to be the authority's own (recorded by an admin): members on them are approved at once. */
    emailDomains: text('email_domains')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * How a foreign authority with no account came to be: 'partnership' (named by a French authority declaring a
     * partnership) or 'import'. The country's correspondent later ties such a record to the registered authority.
     */
    recordedFrom: text('recorded_from'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('authorities_kind_official_code_uq').on(t.kind, t.officialCode),
    index('authorities_country_idx').on(t.country),
    index('authorities_name_idx').on(t.name),
    // Similar names in a country (duplicate detection): pg_trgm, created by the migration.
    index('authorities_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    check('authorities_country_iso2', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('authorities_population_positive', sql`${t.population} is null or ${t.population} >= 0`),
  ],
);
