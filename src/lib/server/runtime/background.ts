import { startSearchRelay } from '../search/relay.js';
import { JOB_DEFINITIONS } from '../jobs/definitions.js';
import { startJobQueue } from '../jobs/queue.js';
import { loadDemoOnStart } from '../demo/on-start.js';
import { startReferenceDataLoad } from '../reference-data/on-start.js';
import { loadCofinancingReference } from '../cofinancing/catalogue.js';
import { loadSupportReference } from '../cofinancing/support.js';
import type { Services } from './services.js';

/**
 * Work that runs beside the HTTP server in every app process (search relay, jobs). Each worker registers
 * its own stop hook through services.onClose.
 */
export async function startBackground(
  services: Services,
  options: { referenceDataEntry?: string } = {},
): Promise<void> {
  // Co-financing paths and support networks named by the source documents: added when missing, never overwritten.
  await loadCofinancingReference(services.db);
  await loadSupportReference(services.db);
  // Before the relay starts, so the demo requests reach the index in its first pass.
  await loadDemoOnStart(services);
  // Not awaited: the 37,000 French authorities load while the server answers.
  startReferenceDataLoad(services, { childEntry: options.referenceDataEntry });
  // Ensures the index settings, then keeps Meilisearch in step with the search outbox.
  const searchRelay = startSearchRelay(services);
  services.onClose(() => searchRelay.stop());
  // Mails, digests, reminders and expiry: retried, once per schedule slot across processes (pg-boss).
  const jobs = await startJobQueue(services, JOB_DEFINITIONS);
  services.onClose(() => jobs.stop());
}
