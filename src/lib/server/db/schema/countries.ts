import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { updatedAt } from './columns.js';

/**
 * The institutional contact of a country's French embassy for decentralised cooperation (its cooperation service),
 * shown to everyone on the country page. Per country, not per correspondent: the service covers the country whoever
 * holds the post, and a correspondent's own name, address or phone never appear here.
 */
export const countryContacts = pgTable('country_contacts', {
  country: text('country').primaryKey(),
  serviceName: text('service_name').notNull(),
  email: text('email').notNull(),
  phone: text('phone'),
  website: text('website'),
  /** Optimistic concurrency: a save from a form that read an older version is refused. */
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});
