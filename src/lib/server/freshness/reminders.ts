import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import { authorities, listings } from '../db/schema/index.js';
import type { JobDefinition } from '../jobs/queue.js';
import { TRANSITIONS } from '../listings/transitions.js';
import { notify } from '../notifications/events.js';
import { sendOnce } from '../notifications/once.js';
import { processPending } from '../notifications/process.js';
import type { Services } from '../runtime/services.js';

const DAY = 86_400_000;
/** Reminders go out this many days before a request expires. */
export const REMINDER_DAYS = [30, 7] as const;

/**
 * Daily: authors of requests expiring within 30 days, then within 7, get a reminder with a one-click
 * reconfirmation link (made per person by the notification service). Keys include the expiry date, so a reconfirmed request is reminded again next year.
 */
export async function sendExpiryReminders(services: Services, now = new Date()): Promise<number> {
  const due = await services.db
    .select({ id: listings.id, expiresAt: listings.expiresAt })
    .from(listings)
    .innerJoin(authorities, eq(authorities.id, listings.authorityId))
    .where(
      and(
        inArray(listings.status, [...TRANSITIONS.expire.from]),
        gt(listings.expiresAt, now),
        lte(listings.expiresAt, new Date(now.getTime() + REMINDER_DAYS[0] * DAY)),
      ),
    );
  let raised = 0;
  for (const listing of due) {
    const expiresAt = listing.expiresAt!;
    const daysLeft = Math.ceil((expiresAt.getTime() - now.getTime()) / DAY);
    const stage = daysLeft <= REMINDER_DAYS[1] ? REMINDER_DAYS[1] : REMINDER_DAYS[0];
    const ok = await sendOnce(services.db, `expiry:${stage}:${listing.id}:${expiresAt.toISOString()}`, async () => {
      await notify(services.db, 'listing_expiring', { listingId: listing.id, days: String(daysLeft) }, null);
    });
    if (ok) raised++;
  }
  if (raised) await processPending(services);
  return raised;
}

// Expiry itself is the listings domain's job (src/lib/server/listings/expiry-job.ts).
export const freshnessJobs: JobDefinition<never>[] = [
  {
    name: 'freshness.reminders',
    cron: '0 6 * * *',
    handler: async (services) => void (await sendExpiryReminders(services)),
  },
];
