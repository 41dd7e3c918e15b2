import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.js';

export type Database = PostgresJsDatabase<typeof schema>;
export type Sql = postgres.Sql;

export function connectDatabase(
  url: string,
  options: { max?: number; applicationName?: string } = {},
): { sql: Sql; db: Database } {
  const sql = postgres(url, {
    max: options.max ?? 20,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? 'bourse-projets' },
  });
  return { sql, db: drizzle(sql, { schema }) };
}

export { schema };
