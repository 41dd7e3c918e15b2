import { migrate } from 'drizzle-orm/postgres-js/migrator';
import path from 'node:path';
import { appRoot } from '../app-root.js';
import type { Database } from './index.js';

export const migrationsFolder = () => path.join(appRoot(), 'drizzle');

/** Applies pending migrations; drizzle takes an advisory lock so concurrent starts do not race. */
export async function runMigrations(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: migrationsFolder() });
}
