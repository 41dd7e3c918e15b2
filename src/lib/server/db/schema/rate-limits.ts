import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Per-IP request counters (one fixed window per key), shared by every app process: a limit of 120 searches a
 * minute stays 120 with two instances, instead of multiplying with them.
 */
export const rateLimitWindows = pgTable('rate_limit_windows', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
  hits: integer('hits').notNull().default(0),
});
