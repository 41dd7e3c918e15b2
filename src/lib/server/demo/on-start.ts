import { count } from 'drizzle-orm';
import { listings } from '../db/schema/index.js';
import type { Services } from '../runtime/services.js';
import { loadDemoData } from './load.js';

/** With DEMO_DATA on, an empty database gets the demo at start-up; any existing request means "not empty". */
export async function loadDemoOnStart(services: Services): Promise<void> {
  if (!services.config.demoData) return;
  const [existing] = await services.db.select({ n: count() }).from(listings);
  if ((existing?.n ?? 0) > 0) return;
  const log = services.logger.child({ component: 'demo' });
  const started = Date.now();
  const result = await loadDemoData(services.db, (message) => log.info(message));
  log.info({ ms: Date.now() - started, ...result }, 'demo data loaded');
}
