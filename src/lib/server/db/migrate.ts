import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import path from 'node:path';
import { appRoot } from '../app-root.js';
import { connectDatabase, type Database } from './index.js';

export const migrationsFolder = () => path.join(appRoot(), 'drizzle');

/** An arbitrary constant shared by every process: the key of the migration advisory lock. */
const MIGRATION_LOCK = 471_000;

/**
 * Applies pending migrations. Drizzle's migrator takes no lock of its own, so two processes starting together on
 * an empty database would both create the same tables: the migration runs on one dedicated connection holding
 * a session advisory lock, and the second process finds the work done.
 */
export async function runMigrations(db: Database): Promise<void>;
export async function runMigrations(databaseUrl: string): Promise<void>;
export async function runMigrations(target: Database | string): Promise<void> {
  if (typeof target !== 'string') {
    await migrate(target, { migrationsFolder: migrationsFolder() });
    return;
  }
  const { sql: client, db } = connectDatabase(target, { max: 1, applicationName: 'bourse-projets-migrate' });
  try {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    await migrate(db, { migrationsFolder: migrationsFolder() });
  } finally {
    await client.end({ timeout: 5 });
  }
}
