import type { JobDefinition } from '../jobs/queue.js';
import { resyncAfterClosingDays } from './catalogue.js';

/**
 * Just after midnight in France (23:10 UTC in winter, 00:10 in summer: run at both), the calls whose closing day
 * has passed leave the "co-financeable by" facet of the requests they fitted. Edits and closings by an admin
 * re-sync at once; only the calendar needs this job.
 */
export const cofinancingJobs: JobDefinition<never>[] = [
  {
    name: 'cofinancing.search-closing-days',
    cron: '10 0,23 * * *',
    async handler(services) {
      const queued = await resyncAfterClosingDays(services.db);
      if (queued) services.logger.info({ queued }, 'requests re-indexed after co-financing calls closed');
    },
  },
];
