import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import { authorities, listings } from '../db/schema/index.js';
import type { JobDefinition } from '../jobs/queue.js';
import { TRANSITIONS } from '../listings/transitions.js';
import { deliver } from '../notifications/deliver.js';
import { sendOnce } from '../notifications/once.js';
import { membersOf } from '../conversations/participants.js';
import type { Services } from '../runtime/services.js';
import { expiryMail } from './mails.js';
import { reconfirmToken, reconfirmUrl } from './reconfirm-link.js';

const DAY = 86_400_000;
/** Reminders go out this many days before a request expires. */
export const REMINDER_DAYS = [30, 7] as const;

/**
 * Daily: authors of requests expiring within 30 days, then within 7, get a reminder with a one-click
 * reconfirmation link. Keys include the expiry date, so a reconfirmed request is reminded again next year.
 */
export async function sendExpiryReminders(services: Services, now = new Date()): Promise<number> {
  const due = await services.db
    .select({ id: listings.id, title: listings.title, expiresAt: listings.expiresAt, authorityId: listings.authorityId, authorityName: authorities.name })
    .from(listings)
    .innerJoin(authorities, eq(authorities.id, listings.authorityId))
    .where(and(inArray(listings.status, [...TRANSITIONS.expire.from]), gt(listings.expiresAt, now), lte(listings.expiresAt, new Date(now.getTime() + REMINDER_DAYS[0] * DAY))));
  let sent = 0;
  for (const listing of due) {
    const expiresAt = listing.expiresAt!;
    const daysLeft = Math.ceil((expiresAt.getTime() - now.getTime()) / DAY);
    const stage = daysLeft <= REMINDER_DAYS[1] ? REMINDER_DAYS[1] : REMINDER_DAYS[0];
    for (const member of await membersOf(services.db, listing.authorityId)) {
      const token = await reconfirmToken(services.db, listing.id, member.id, expiresAt);
      const ok = await sendOnce(services.db, `expiry:${stage}:${listing.id}:${expiresAt.toISOString()}:${member.id}`, () =>
        deliver(
          services,
          expiryMail(member.locale, member.email, {
            name: member.displayName,
            title: listing.title,
            days: String(daysLeft),
            date: expiresAt.toISOString().slice(0, 10),
            link: reconfirmUrl(services.config.origin, listing.id, member.id, token),
          }),
        ),
      );
      if (ok) sent++;
    }
  }
  return sent;
}

// Expiry itself is the listings domain's job (src/lib/server/listings/expiry-job.ts).
export const freshnessJobs: JobDefinition<never>[] = [
  { name: 'freshness.reminders', cron: '0 6 * * *', handler: async (services) => void (await sendExpiryReminders(services)) },
];
