import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Which version of each reference dataset (French authorities, countries) the database holds: the app loads a
 * dataset again only when the installed package brings another version.
 */
export const referenceDatasets = pgTable('reference_datasets', {
  dataset: text('dataset').primaryKey(),
  /** The npm package the data comes from. */
  source: text('source').notNull(),
  version: text('version').notNull(),
  rows: integer('rows').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  /** How long the load took, for the operator's log and BENCHMARKS.md. */
  ms: integer('ms').notNull(),
});
