import { callDeadlineJobs } from '../alerts/call-deadlines.js';
import { cofinancingJobs } from '../cofinancing/jobs.js';
import { alertJobs } from '../alerts/digest.js';
import { freshnessJobs } from '../freshness/reminders.js';
import { conversationJobs } from '../conversations/notifications.js';
import { listingJobs } from '../listings/expiry-job.js';
import { notificationJobs } from '../notifications/process.js';
import { passwordResetJobs } from '../auth/password-reset.js';
import { trustJobs } from '../trust/jobs.js';
import type { JobDefinition } from './queue.js';

/** Every background job of the platform, with its schedule. */
export const JOB_DEFINITIONS: JobDefinition<never>[] = [
  ...conversationJobs,
  ...alertJobs,
  ...callDeadlineJobs,
  ...cofinancingJobs,
  ...freshnessJobs,
  ...listingJobs,
  ...notificationJobs,
  ...trustJobs,
  ...(passwordResetJobs as JobDefinition<never>[]),
];
