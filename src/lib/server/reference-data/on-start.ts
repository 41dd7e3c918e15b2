import type { Services } from '../runtime/services.js';
import { ensureReferenceData, ReferenceLoadStopped } from './load.js';

/**
 * Loads the reference data in the background at every start (a no-op when the recorded versions match): the
 * server answers, /api/health included, while the 37,000 French authorities go in. Registration finds a commune
 * once its batch is committed (one transaction: all of them at once).
 */
export function startReferenceDataLoad(services: Services): void {
  if (!services.config.referenceData) return;
  const logger = services.logger.child({ component: 'reference-data' });
  let stopping = false;
  const done = ensureReferenceData(services.db, { logger, shouldStop: () => stopping })
    .then((results) => {
      const loaded = results.filter((r) => r.loaded);
      logger.info(
        { datasets: results.map(({ dataset, version, rows }) => ({ dataset, version, rows })) },
        loaded.length ? 'reference data up to date' : 'reference data already up to date',
      );
    })
    .catch((error: unknown) => {
      if (error instanceof ReferenceLoadStopped) logger.warn(error.message);
      else
        logger.error(
          { err: error },
          'reference data load failed; it is retried at the next start (or run `node dist/cli.js reference-data`)',
        );
    });
  services.onClose(async () => {
    stopping = true;
    await done;
  });
}
