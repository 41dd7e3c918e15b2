import { and, eq, isNull } from 'drizzle-orm';
import { savedSearches, users } from '../db/schema/index.js';
import type { JobDefinition } from '../jobs/queue.js';
import { mailLocale } from '../notifications/language.js';
import { deliver } from '../notifications/deliver.js';
import { sendOnce } from '../notifications/once.js';
import type { Services } from '../runtime/services.js';
import type { SearchHit } from '../search/result.js';
import { searchListings } from '../search/search-listings.js';
import { countryName } from '../../reference/index.js';
import { digestMail } from './mails.js';
import { savedQueryString, unsubscribeToken } from './saved-searches.js';

const DAY = 86_400_000;
const PERIOD: Record<string, number> = { daily: DAY, weekly: 7 * DAY };
/** A digest lists at most this many requests and links to the full search for the rest. */
export const DIGEST_MAX = 20;

/** New requests matching a saved search since it last notified, newest first. */
export async function newMatches(
  services: Services,
  query: Record<string, string | string[]>,
  since: Date,
): Promise<SearchHit[]> {
  const result = await searchListings(services, { ...query, sort: 'newest', hitsPerPage: 50 });
  return result.hits.filter((h) => h.publishedAt && new Date(h.publishedAt) > since);
}

/**
 * Daily run: each active saved search whose period has elapsed gets a digest of the new matching requests
 * (none if nothing new). The (search, day) key makes a second run or a second process send nothing more.
 */
export async function sendDigests(services: Services, now = new Date()): Promise<{ checked: number; sent: number }> {
  const due = await services.db
    .select({ search: savedSearches, email: users.email, name: users.displayName, locale: users.locale })
    .from(savedSearches)
    .innerJoin(users, eq(users.id, savedSearches.userId))
    .where(and(eq(savedSearches.active, true), isNull(users.disabledAt)));
  let sent = 0;
  let checked = 0;
  for (const row of due) {
    const { search } = row;
    // A little slack so a digest sent at 07:00:03 yesterday is due again at 07:00:01 today.
    if (now.getTime() - search.lastNotifiedAt.getTime() < (PERIOD[search.frequency] ?? 7 * DAY) - 3_600_000) continue;
    checked++;
    const hits = await newMatches(services, search.query, search.lastNotifiedAt);
    if (hits.length) {
      const token = await unsubscribeToken(services.db, search.id);
      const unsubscribeUrl = `${services.config.origin}/alertes/desabonnement/${token}`;
      const locale = mailLocale(row.locale);
      const sentNow = await sendOnce(services.db, `digest:${search.id}:${now.toISOString().slice(0, 10)}`, () =>
        deliver(services, {
          ...digestMail(locale, row.email, {
            name: row.name,
            searchName: search.name,
            searchUrl: `${services.config.origin}${locale === 'fr' ? '' : `/${locale}`}/recherche?${savedQueryString(search.query)}`,
            unsubscribeUrl,
            items: hits.slice(0, DIGEST_MAX).map((h) => ({
              title: h.title,
              where: `${h.authority.name}, ${countryName(h.country, locale)}`,
              url: `${services.config.origin}${locale === 'fr' ? '' : `/${locale}`}/demandes/${h.id}`,
            })),
            more: Math.max(0, hits.length - DIGEST_MAX),
          }),
          headers: {
            'List-Unsubscribe': `<${services.config.origin}/api/v1/saved-searches/unsubscribe/${token}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }),
      );
      if (sentNow) sent++;
    }
    await services.db.update(savedSearches).set({ lastNotifiedAt: now }).where(eq(savedSearches.id, search.id));
  }
  return { checked, sent };
}

export const alertJobs: JobDefinition<never>[] = [
  { name: 'alerts.digests', cron: '0 7 * * *', handler: async (services) => void (await sendDigests(services)) },
];
