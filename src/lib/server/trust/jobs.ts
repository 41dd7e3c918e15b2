import type { JobDefinition } from '../jobs/queue.js';
import { pruneRegistrationLog } from './registration-limits.js';

export const PRUNE_REGISTRATION_LOG_JOB = 'trust.prune-registration-log';

/**
 * The registration log only serves the hourly limits and the flood alert; a day of it is kept (to look back at a
 * flood), older rows go every night at 03:17 UTC.
 */
export const trustJobs: JobDefinition<object>[] = [
  {
    name: PRUNE_REGISTRATION_LOG_JOB,
    cron: '17 3 * * *',
    handler: async (services) => {
      const removed = await pruneRegistrationLog(services.db);
      services.logger.info({ removed }, 'registration log pruned (rows older than a day)');
    },
  },
];
