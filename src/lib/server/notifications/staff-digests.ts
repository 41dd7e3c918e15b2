import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { countryName } from '../../reference/index.js';
import { loadActor } from '../auth/actor.js';
import { authorities, correspondentCountries, listings, moderationEvents, users } from '../db/schema/index.js';
import { moderationQueue } from '../listings/queries.js';
import type { Services } from '../runtime/services.js';
import { foreignAccountsQueue } from '../trust/queues.js';
import { deliver } from './deliver.js';
import type { NotificationKind } from './kinds.js';
import { countMessage, localizedUrl, mailLocale, message, type MailLocale } from './language.js';
import { sendOnce } from './once.js';
import { modeOf, unsubscribePath, unsubscribeToken } from './preferences.js';
import { PREFERENCES_PATH } from './process.js';
import type { Recipient } from './recipients.js';
import { renderMail } from './render.js';

const DAY = 86_400_000;
/** Past this many days, a request or an account waiting in a queue is flagged in the correspondent's digest. */
export const LATE_AFTER_DAYS = 7;
/** The admins' digest reads moderation times over this many past days. */
export const MODERATION_WINDOW_DAYS = 30;

const SUBMISSIONS = ['submit', 'submit_revision'];
const DECISIONS = [
  'approve',
  'reject',
  'request_changes',
  'approve_revision',
  'reject_revision',
  'request_revision_changes',
];

const daysSince = (since: Date | string, now: Date) =>
  Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / DAY));

/** The ISO week a date falls in ("2026-W49"): the admins' digest goes out once per week. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / DAY + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

interface DigestLine {
  text: string;
  url?: string;
  late?: boolean;
}

interface DigestSection {
  title: string;
  lines: DigestLine[];
  /** Shown instead of the lines when there are none. */
  empty?: string;
}

/** A digest mail: greeting, lead, sections of linked lines, the preference and one-click unsubscribe links. */
async function digestMail(
  services: Services,
  recipient: Recipient,
  kind: NotificationKind,
  locale: MailLocale,
  subject: string,
  lead: string,
  sections: DigestSection[],
  action: { label: string; path: string },
) {
  const origin = services.config.origin;
  const token = await unsubscribeToken(services.db, recipient.id, kind);
  const unsubscribeUrl = localizedUrl(origin, locale, unsubscribePath(recipient.id, kind, token));
  const late = message('digest_late', {}, locale);
  const { text, html } = renderMail({
    locale,
    subject,
    greeting: message('notify_mail_greeting', { name: recipient.displayName }, locale),
    lead: [lead],
    lists: sections.map((section) => ({
      title: section.title,
      empty: section.empty,
      items: section.lines.map((l) => ({ text: l.text, url: l.url, ...(l.late ? { flag: late } : {}) })),
    })),
    action: { label: action.label, url: localizedUrl(origin, locale, action.path) },
    footer: message('notify_mail_footer', {}, locale),
    links: [
      { label: message('notify_mail_preferences', {}, locale), url: localizedUrl(origin, locale, PREFERENCES_PATH) },
      { label: message('notify_mail_unsubscribe', {}, locale), url: unsubscribeUrl },
    ],
  });
  return {
    to: recipient.email,
    subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${origin}/api/v1/notifications/unsubscribe/${recipient.id}/${kind}/${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/**
 * Daily, to each correspondent with something waiting in their countries: the new requests, the revisions and the
 * accounts waiting for them, oldest first, those waiting more than LATE_AFTER_DAYS flagged. Sent once per person
 * and day (the key), never when the queue is empty, never to someone who switched the kind off.
 */
export async function sendCorrespondentDigests(services: Services, now = new Date()): Promise<number> {
  const { db } = services;
  const origin = services.config.origin;
  const staff = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, 'correspondent'), isNull(users.disabledAt)))
    .orderBy(asc(users.createdAt));
  let sent = 0;
  for (const person of staff) {
    if ((await modeOf(db, person.id, 'queue_digest')) === 'off') continue;
    const actor = await loadActor(db, person.id, null);
    if (!actor || !actor.countries.length) continue;
    const queue = await moderationQueue(db, actor, now);
    const accounts = await foreignAccountsQueue(db, services.config, actor, {});
    if (!queue.length && !accounts.total) continue;
    const locale = mailLocale(person.locale);
    const requestLine = (item: (typeof queue)[number]): DigestLine => {
      const days = daysSince(item.submittedAt, now);
      return {
        text: countMessage(
          item.kind === 'new' ? 'digest_queue_new_line' : 'digest_queue_revision_line',
          days,
          {
            title: item.listing.title,
            authority: item.listing.authority.name,
            country: countryName(item.listing.country, locale),
          },
          locale,
        ),
        url: localizedUrl(origin, locale, `/moderation/${item.listing.id}`),
        late: days > LATE_AFTER_DAYS,
      };
    };
    const fresh = queue.filter((q) => q.kind === 'new').map(requestLine);
    const revisions = queue.filter((q) => q.kind === 'revision').map(requestLine);
    const people: DigestLine[] = accounts.items.map((a) => {
      const days = daysSince(a.user.createdAt, now);
      return {
        text: countMessage(
          'digest_queue_account_line',
          days,
          {
            person: a.user.displayName,
            authority: a.authority.name,
            country: countryName(a.authority.country, locale),
          },
          locale,
        ),
        url: localizedUrl(origin, locale, '/moderation/comptes'),
        late: days > LATE_AFTER_DAYS,
      };
    });
    const late = [...fresh, ...revisions, ...people].filter((l) => l.late).length;
    const waiting = queue.length + accounts.total;
    const subject = countMessage('digest_queue_subject', waiting, {}, locale);
    const lead = [
      countMessage('digest_queue_lead', waiting, {}, locale),
      ...(late ? [countMessage('digest_queue_late', late, { days: String(LATE_AFTER_DAYS) }, locale)] : []),
    ].join(' ');
    const sections: DigestSection[] = [
      { title: countMessage('digest_queue_new_title', fresh.length, {}, locale), lines: fresh },
      { title: countMessage('digest_queue_revision_title', revisions.length, {}, locale), lines: revisions },
      {
        title: countMessage('digest_queue_account_title', accounts.total, {}, locale),
        lines: people,
      },
    ].filter((s) => s.lines.length);
    const mail = await digestMail(services, person, 'queue_digest', locale, subject, lead, sections, {
      label: message('notify_action_moderation_queue', {}, locale),
      path: '/moderation',
    });
    const ok = await sendOnce(db, `queue-digest:${person.id}:${now.toISOString().slice(0, 10)}`, () =>
      deliver(services, mail),
    );
    if (ok) sent++;
  }
  return sent;
}

/** Requests waiting for a decision in a country no active correspondent covers, oldest first. */
export async function uncoveredWaiting(services: Services) {
  const covered = services.db
    .select({ country: correspondentCountries.country })
    .from(correspondentCountries)
    .innerJoin(users, eq(users.id, correspondentCountries.userId))
    .where(and(eq(users.role, 'correspondent'), isNull(users.disabledAt)));
  return services.db
    .select({
      id: listings.id,
      title: listings.title,
      country: listings.country,
      authority: authorities.name,
      since: sql<Date>`coalesce(${listings.submittedAt}, ${listings.updatedAt})`,
    })
    .from(listings)
    .innerJoin(authorities, eq(authorities.id, listings.authorityId))
    .where(
      and(
        or(eq(listings.status, 'submitted'), eq(listings.revisionStatus, 'submitted')),
        sql`${listings.country} not in (${covered})`,
      ),
    )
    .orderBy(asc(sql`coalesce(${listings.submittedAt}, ${listings.updatedAt})`));
}

/**
 * How long moderation took per country over the window: for each decision, the time since the submission it
 * answered (the last one before it). Median and slowest, in hours, most decisions first.
 */
export async function moderationTimes(services: Services, now = new Date()) {
  const since = new Date(now.getTime() - MODERATION_WINDOW_DAYS * DAY);
  const submitted = sql<Date>`(select max(s.created_at) from ${moderationEvents} s where s.listing_id = ${moderationEvents.listingId} and s.action in (${sql.join(
    SUBMISSIONS.map((a) => sql`${a}`),
    sql`, `,
  )}) and s.created_at <= ${moderationEvents.createdAt})`;
  const hours = sql`extract(epoch from (${moderationEvents.createdAt} - ${submitted})) / 3600`;
  const rows = await services.db
    .select({
      country: listings.country,
      decisions: sql<number>`count(*)::int`,
      medianHours: sql<number>`percentile_cont(0.5) within group (order by ${hours})::float`,
      maxHours: sql<number>`max(${hours})::float`,
    })
    .from(moderationEvents)
    .innerJoin(listings, eq(listings.id, moderationEvents.listingId))
    .where(
      and(
        inArray(moderationEvents.action, DECISIONS),
        gte(moderationEvents.createdAt, since),
        lte(moderationEvents.createdAt, now),
        sql`${submitted} is not null`,
      ),
    )
    .groupBy(listings.country)
    .orderBy(sql`count(*) desc`, listings.country);
  return rows.map((r) => ({ ...r, medianHours: Number(r.medianHours), maxHours: Number(r.maxHours) }));
}

const formatHours = (hours: number, locale: MailLocale) =>
  hours < 48
    ? countMessage('digest_hours', Math.round(hours), {}, locale)
    : countMessage('digest_days', Math.round(hours / 24), {}, locale);

/**
 * Weekly, to each administrator: the requests waiting in countries no correspondent covers (the admins moderate
 * them) and the moderation times per country over the last MODERATION_WINDOW_DAYS days. Once per person and ISO
 * week; someone who switched the kind off is skipped.
 */
export async function sendAdminDigests(services: Services, now = new Date()): Promise<number> {
  const { db } = services;
  const origin = services.config.origin;
  const admins = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
    .orderBy(asc(users.createdAt));
  if (!admins.length) return 0;
  const waiting = await uncoveredWaiting(services);
  const times = await moderationTimes(services, now);
  const week = isoWeek(now);
  let sent = 0;
  for (const person of admins) {
    if ((await modeOf(db, person.id, 'coverage_digest')) === 'off') continue;
    const locale = mailLocale(person.locale);
    const uncovered: DigestLine[] = waiting.map((w) => {
      const days = daysSince(w.since, now);
      return {
        text: countMessage(
          'digest_queue_new_line',
          days,
          { title: w.title, authority: w.authority, country: countryName(w.country, locale) },
          locale,
        ),
        url: localizedUrl(origin, locale, `/moderation/${w.id}`),
        late: days > LATE_AFTER_DAYS,
      };
    });
    const timeLines: DigestLine[] = times.map((t) => ({
      text: countMessage(
        'digest_times_line',
        t.decisions,
        {
          country: countryName(t.country, locale),
          median: formatHours(t.medianHours, locale),
          max: formatHours(t.maxHours, locale),
        },
        locale,
      ),
    }));
    const subject = countMessage('digest_admin_subject', uncovered.length, {}, locale);
    const mail = await digestMail(
      services,
      person,
      'coverage_digest',
      locale,
      subject,
      message('digest_admin_lead', {}, locale),
      [
        {
          title: countMessage('digest_admin_uncovered_title', uncovered.length, {}, locale),
          lines: uncovered,
          empty: message('digest_admin_uncovered_none', {}, locale),
        },
        {
          title: countMessage('digest_admin_times_title', MODERATION_WINDOW_DAYS, {}, locale),
          lines: timeLines,
          empty: message('digest_admin_times_none', {}, locale),
        },
      ],
      { label: message('digest_admin_action', {}, locale), path: '/admin/correspondants' },
    );
    const ok = await sendOnce(db, `coverage-digest:${person.id}:${week}`, () => deliver(services, mail));
    if (ok) sent++;
  }
  return sent;
}
