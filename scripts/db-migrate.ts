// `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR.
import { loadConfig, ConfigError } from '../src/lib/server/config.js';
import { createLogger } from '../src/lib/server/logger.js';
import { connectDatabase } from '../src/lib/server/db/index.js';
import { runMigrations } from '../src/lib/server/db/migrate.js';
import { startEmbeddedPostgres } from '../src/lib/server/embedded/postgres.js';

try {
  const config = loadConfig();
  const logger = createLogger(config);
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir, logger });
  const { sql, db } = connectDatabase(config.databaseUrl ?? embedded!.url, { max: 1 });
  try {
    await runMigrations(db);
    logger.info('migrations applied');
  } finally {
    await sql.end();
    await embedded?.stop();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
