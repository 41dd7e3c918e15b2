import { and, eq, isNull } from 'drizzle-orm';
import { savedSearches, users } from '../db/schema/index.js';
import { loadCatalogue, todayInFrance } from '../cofinancing/catalogue.js';
import type { CatalogueEntry } from '../cofinancing/fit.js';
import { mailLocale } from '../notifications/language.js';
import { deliver } from '../notifications/deliver.js';
import { sendOnce } from '../notifications/once.js';
import type { Services } from '../runtime/services.js';
import type { JobDefinition } from '../jobs/queue.js';
import { callDeadlineMail } from './mails.js';

/** A call is announced this many days before it closes (and not again for the same closing date). */
export const CALL_NOTICE_DAYS = 14;

const DAY = 86_400_000;
const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Calls for projects closing within `withinDays` that a saved search is about: the call names one of the search's
 * countries or themes (and, when it restricts countries or themes, the search does not rule them out). Calls open
 * to every country and theme fit every search: they are on every request page, not in alerts.
 */
export function callsClosingFor(
  query: Record<string, string | string[]>,
  catalogue: readonly CatalogueEntry[],
  today: string,
  withinDays = CALL_NOTICE_DAYS,
) {
  const countries = asList(query.country);
  const themes = asList(query.theme);
  return catalogue
    .filter((p) => p.kind === 'call_for_projects' && !p.closedAt && p.closesOn && (!p.opensOn || p.opensOn <= today))
    .map((p) => ({
      programme: p,
      closesInDays: Math.round((Date.parse(`${p.closesOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY),
    }))
    .filter(({ closesInDays }) => closesInDays >= 0 && closesInDays <= withinDays)
    .filter(({ programme: p }) => {
      const countryHit = p.countries.some((c) => countries.includes(c));
      const themeHit = p.themes.some((t) => themes.includes(t));
      const countryOk = !p.countries.length || !countries.length || countryHit;
      const themeOk = !p.themes.length || !themes.length || themeHit;
      return (countryHit || themeHit) && countryOk && themeOk;
    })
    .sort((a, b) => a.closesInDays - b.closesInDays);
}

/**
 * Daily: each active saved search hears once about each call it is about that closes within 14 days ("the call X
 * closes in 14 days"). The (search, call, closing date) key makes a rerun or a second process send nothing more;
 * a call whose date an admin moves is announced again for its new date.
 */
export async function sendCallDeadlineAlerts(services: Services, now = new Date()): Promise<{ sent: number }> {
  const today = todayInFrance(now);
  const catalogue = await loadCatalogue(services.db);
  if (!catalogue.some((p) => p.kind === 'call_for_projects' && p.closesOn)) return { sent: 0 };
  const rows = await services.db
    .select({ search: savedSearches, email: users.email, name: users.displayName, locale: users.locale })
    .from(savedSearches)
    .innerJoin(users, eq(users.id, savedSearches.userId))
    .where(and(eq(savedSearches.active, true), isNull(users.disabledAt)));
  let sent = 0;
  for (const row of rows) {
    for (const { programme, closesInDays } of callsClosingFor(row.search.query, catalogue, today)) {
      const locale = mailLocale(row.locale);
      const prefix = locale === 'fr' ? '' : `/${locale}`;
      const sentNow = await sendOnce(
        services.db,
        `call-deadline:${row.search.id}:${programme.id}:${programme.closesOn}`,
        () =>
          deliver(services, {
            ...callDeadlineMail(locale, row.email, {
              name: row.name,
              searchName: row.search.name,
              callName: programme.name,
              closesOn: programme.closesOn!,
              closesInDays,
              datesToConfirm: programme.datesToConfirm,
              callUrl: programme.officialUrl,
              alertsUrl: `${services.config.origin}${prefix}/alertes`,
            }),
          }),
      );
      if (sentNow) sent++;
    }
  }
  return { sent };
}

export const callDeadlineJobs: JobDefinition<never>[] = [
  {
    name: 'alerts.call-deadlines',
    cron: '5 7 * * *',
    handler: async (services) => void (await sendCallDeadlineAlerts(services)),
  },
];
