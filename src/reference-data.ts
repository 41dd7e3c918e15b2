import type { Config } from './lib/server/config.js';
import { connectDatabase } from './lib/server/db/index.js';
import { createLogger } from './lib/server/logger.js';
import { loadReferenceDataLogged } from './lib/server/reference-data/on-start.js';

/**
 * Entry of the child process in which the server loads the reference data at start-up (bundled as
 * dist/reference-data.js; see startReferenceDataLoad): its memory goes back to the system when it exits.
 * Stops between two batches on SIGTERM, or when the server that started it goes away (its IPC channel closes).
 */
async function main() {
  const logLevel = (process.env.LOG_LEVEL || 'info') as Config['logLevel'];
  const logger = createLogger({ logLevel }).child({ component: 'reference-data' });
  const url = process.env.DATABASE_URL;
  if (!url) {
    logger.error('reference data child started without DATABASE_URL');
    process.exit(1);
  }
  let stopping = false;
  const stop = () => (stopping = true);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
  // The channel alone must not keep this process alive once the load is done.
  process.channel?.unref();
  const { sql, db } = connectDatabase(url, { max: 1, applicationName: 'bourse-projets reference data' });
  const ok = await loadReferenceDataLogged(db, logger, () => stopping);
  await sql.end({ timeout: 5 });
  process.exit(ok ? 0 : 1);
}

void main();
