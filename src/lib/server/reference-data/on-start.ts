import { spawn } from 'node:child_process';
import type { Logger } from 'pino';
import type { Database } from '../db/index.js';
import type { Services } from '../runtime/services.js';
import { ensureReferenceData, ReferenceLoadStopped } from './load.js';

/** Loads the reference data (a no-op when the recorded versions match) and logs the outcome; false on failure. */
export async function loadReferenceDataLogged(
  db: Database,
  logger: Logger,
  shouldStop: () => boolean,
): Promise<boolean> {
  try {
    const results = await ensureReferenceData(db, { logger, shouldStop });
    const loaded = results.filter((r) => r.loaded);
    logger.info(
      { datasets: results.map(({ dataset, version, rows }) => ({ dataset, version, rows })) },
      loaded.length ? 'reference data up to date' : 'reference data already up to date',
    );
    return true;
  } catch (error) {
    if (error instanceof ReferenceLoadStopped) {
      logger.warn(error.message);
      return true;
    }
    logger.error(
      { err: error },
      'reference data load failed; it is retried at the next start (or run `node dist/cli.js reference-data`)',
    );
    return false;
  }
}

/**
 * Loads the reference data in the background at every start: the server answers, /api/health included, while the
 * 37,000 French authorities go in. Registration finds a commune once its batch is committed (one transaction: all
 * of them at once).
 *
 * `childEntry` (the built server passes dist/reference-data.js) runs the load in a child process: parsing the
 * official files and building 37,000 upserts takes ~140 MB of heap for a few seconds, and in the server's own
 * process that high-water mark stayed resident for the rest of its life (V8 and malloc keep the pages they grew
 * to: RSS ~400 MB right after a first start, against ~200 MB on a database already loaded). A child's memory is
 * given back when it exits. Without it (the Vite dev server, which has no bundle to start) the load runs here.
 */
export function startReferenceDataLoad(services: Services, options: { childEntry?: string } = {}): void {
  if (!services.config.referenceData) return;
  const logger = services.logger.child({ component: 'reference-data' });
  if (!options.childEntry) {
    let stopping = false;
    const done = loadReferenceDataLogged(services.db, logger, () => stopping);
    services.onClose(async () => {
      stopping = true;
      await done;
    });
    return;
  }
  const child = spawn(process.execPath, [options.childEntry], {
    // Its log lines go straight to ours; the IPC channel tells it when this process goes away, however it ends.
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, DATABASE_URL: services.databaseUrl, LOG_LEVEL: services.config.logLevel },
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      logger.error({ err: error }, 'could not start the reference data load; it is retried at the next start');
      resolve();
    });
    child.once('exit', (code, signal) => {
      // The child logs its own outcome; only a death it could not report is ours to tell.
      if (!stopping && (signal || (code !== 0 && code !== 1)))
        logger.error({ code, signal }, 'the reference data load ended abnormally; it is retried at the next start');
      resolve();
    });
  });
  logger.info({ pid: child.pid }, 'reference data: checking in a child process');
  services.onClose(async () => {
    stopping = true;
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      // SIGTERM stops it between two batches (its transaction rolls back); SIGKILL if it does not answer.
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await exited;
  });
}
