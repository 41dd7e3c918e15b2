import type { JobDefinition } from '../jobs/queue.js';
import { expireDueListings } from './lifecycle.js';

/** Hourly: requests not reconfirmed within 12 months of publication expire (each with its audit-trail row). */
export const listingJobs: JobDefinition[] = [
  {
    name: 'listings-expire',
    cron: '17 * * * *',
    async handler(services) {
      const expired = await expireDueListings(services.db);
      if (expired) services.logger.info({ expired }, 'expired cooperation requests not reconfirmed');
    },
  },
];
