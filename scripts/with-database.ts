// Opens the app's database for a one-off script: DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (started
// for the script and stopped after). Migrations are applied first, as at start-up.
import { ConfigError, loadConfig } from '../src/lib/server/config.js';
import { connectDatabase, type Database } from '../src/lib/server/db/index.js';
import { runMigrations } from '../src/lib/server/db/migrate.js';
import { startEmbeddedPostgres } from '../src/lib/server/embedded/postgres.js';
import { createLogger } from '../src/lib/server/logger.js';

export async function withDatabase(work: (db: Database) => Promise<void>): Promise<void> {
  try {
    const config = loadConfig();
    const logger = createLogger({ logLevel: 'warn' });
    const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir, logger });
    const { sql, db } = connectDatabase(config.databaseUrl ?? embedded!.url, { max: 2, applicationName: 'bourse-projets-script' });
    try {
      await runMigrations(db);
      await work(db);
    } finally {
      await sql.end();
      await embedded?.stop();
    }
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
