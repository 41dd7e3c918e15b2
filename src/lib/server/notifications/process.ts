import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { notices, notificationEvents, notificationPreferences, users } from '../db/schema/index.js';
import type { JobDefinition } from '../jobs/queue.js';
import type { Services } from '../runtime/services.js';
import { deliver } from './deliver.js';
import { deliveriesFor, type Delivery } from './deliveries.js';
import { isOptional, type NotificationKind } from './kinds.js';
import { countMessage, localizedUrl, mailLocale, message } from './language.js';
import { sendOnce } from './once.js';
import { modeOf, unsubscribePath, unsubscribeToken } from './preferences.js';
import { noticeText, notificationMail } from './render.js';
import { sendAdminDigests, sendCorrespondentDigests } from './staff-digests.js';

export const PREFERENCES_PATH = '/compte/notifications';

async function mailFor(services: Services, delivery: Delivery) {
  const { recipient, kind, params } = delivery;
  const locale = mailLocale(recipient.locale);
  const origin = services.config.origin;
  const token = isOptional(kind) ? await unsubscribeToken(services.db, recipient.id, kind) : null;
  const unsubscribeUrl = token ? localizedUrl(origin, locale, unsubscribePath(recipient.id, kind, token)) : undefined;
  const oneClickUrl = token ? `${origin}/api/v1/notifications/unsubscribe/${recipient.id}/${kind}/${token}` : undefined;
  return notificationMail({
    to: recipient.email,
    name: recipient.displayName,
    locale,
    kind,
    params,
    actionUrl: localizedUrl(origin, locale, delivery.actionPath ?? delivery.path),
    preferencesUrl: localizedUrl(origin, locale, PREFERENCES_PATH),
    unsubscribeUrl,
    oneClickUrl,
  });
}

/**
 * Tells everyone concerned by one event: a notice each, and a mail each unless they chose a digest or no mail.
 * Safe to run twice or from two processes: one notice per (event, person), one mail per key.
 */
export async function processEvent(services: Services, eventId: number): Promise<{ notices: number; mails: number }> {
  const { db } = services;
  const [event] = await db
    .select()
    .from(notificationEvents)
    .where(and(eq(notificationEvents.id, eventId), isNull(notificationEvents.processedAt)))
    .limit(1);
  if (!event) return { notices: 0, mails: 0 };
  let noticeCount = 0;
  let mails = 0;
  for (const delivery of await deliveriesFor(db, services.config.origin, event)) {
    const [notice] = await db
      .insert(notices)
      .values({
        userId: delivery.recipient.id,
        eventId: event.id,
        kind: delivery.kind,
        params: delivery.params,
        path: delivery.path,
      })
      .onConflictDoNothing()
      .returning({ id: notices.id });
    if (notice) noticeCount++;
    if ((await modeOf(db, delivery.recipient.id, delivery.kind)) !== 'immediate') continue;
    const sent = await sendOnce(db, `notice:${event.id}:${delivery.recipient.id}`, async () =>
      deliver(services, await mailFor(services, delivery)),
    );
    if (sent) {
      mails++;
      await db
        .update(notices)
        .set({ mailedAt: new Date() })
        .where(and(eq(notices.eventId, event.id), eq(notices.userId, delivery.recipient.id)));
    }
  }
  await db.update(notificationEvents).set({ processedAt: new Date() }).where(eq(notificationEvents.id, event.id));
  services.logger.debug({ eventId, kind: event.kind, notices: noticeCount, mails }, 'notification event delivered');
  return { notices: noticeCount, mails };
}

/** Every event not delivered yet, oldest first: the safety net behind the per-event jobs (and what tests call). */
export async function processPending(services: Services, limit = 200): Promise<number> {
  const pending = await services.db
    .select({ id: notificationEvents.id })
    .from(notificationEvents)
    .where(isNull(notificationEvents.processedAt))
    .orderBy(asc(notificationEvents.id))
    .limit(limit);
  for (const { id } of pending) await processEvent(services, id);
  return pending.length;
}

const DAY = 86_400_000;

/**
 * Daily: each person who chose a digest for some kinds gets one mail listing the notices of those kinds not mailed
 * yet (at most two days old), each with its link in their language. The (person, day) key sends it once.
 */
export async function sendNoticeDigests(services: Services, now = new Date()): Promise<number> {
  const { db } = services;
  const rows = await db
    .select({ notice: notices, email: users.email, name: users.displayName, locale: users.locale })
    .from(notices)
    .innerJoin(users, eq(users.id, notices.userId))
    .innerJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, notices.userId), eq(notificationPreferences.kind, notices.kind)),
    )
    .where(
      and(
        isNull(notices.mailedAt),
        eq(notificationPreferences.mode, 'daily'),
        gt(notices.createdAt, new Date(now.getTime() - 2 * DAY)),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(notices.id));
  const byUser = new Map<string, typeof rows>();
  for (const row of rows) byUser.set(row.notice.userId, [...(byUser.get(row.notice.userId) ?? []), row]);
  let sent = 0;
  for (const [userId, list] of byUser) {
    const first = list[0]!;
    const locale = mailLocale(first.locale);
    const origin = services.config.origin;
    const colon = locale === 'fr' ? '\u00a0:' : ':';
    const items = list.map(({ notice }) => ({
      text: noticeText(notice.kind as NotificationKind, notice.params, locale),
      url: localizedUrl(origin, locale, notice.path),
    }));
    const subject = countMessage('notify_digest_subject', items.length, {}, locale);
    const greeting = message('notify_mail_greeting', { name: first.name }, locale);
    const lead = message('notify_digest_lead', {}, locale);
    const preferences = message('notify_mail_preferences', {}, locale);
    const preferencesUrl = localizedUrl(origin, locale, PREFERENCES_PATH);
    const text = [
      greeting,
      '',
      lead,
      '',
      ...items.flatMap((i) => [`• ${i.text}`, `  ${i.url}`, '']),
      '-- ',
      `${preferences}${colon} ${preferencesUrl}`,
    ].join('\n');
    const esc = (t: string) =>
      t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
    const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${esc(subject)}</title></head><body style="font-family:Arial,sans-serif;color:#161616;line-height:1.5"><p>${esc(greeting)}</p><p>${esc(lead)}</p><ul>${items
      .map(
        (i) =>
          `<li style="margin-bottom:8px">${esc(i.text)}<br><a href="${esc(i.url)}" style="color:#000091">${esc(i.url)}</a></li>`,
      )
      .join(
        '',
      )}</ul><hr><p style="font-size:14px"><a href="${esc(preferencesUrl)}" style="color:#000091">${esc(preferences)}</a></p></body></html>`;
    const ok = await sendOnce(db, `notice-digest:${userId}:${now.toISOString().slice(0, 10)}`, () =>
      deliver(services, { to: first.email, subject, text, html }),
    );
    if (ok) {
      sent++;
      await db
        .update(notices)
        .set({ mailedAt: now })
        .where(
          inArray(
            notices.id,
            list.map((r) => r.notice.id),
          ),
        );
    }
  }
  return sent;
}

export const notificationJobs: JobDefinition<never>[] = [
  {
    name: 'notifications.event',
    handler: async (services, data: { eventId: number }) => void (await processEvent(services, data.eventId)),
  } as JobDefinition<never>,
  {
    name: 'notifications.sweep',
    cron: '* * * * *',
    handler: async (services) => void (await processPending(services)),
  },
  {
    name: 'notifications.digest',
    cron: '30 6 * * *',
    handler: async (services) => void (await sendNoticeDigests(services)),
  },
  {
    // Correspondents start their day with their queue (Paris morning).
    name: 'notifications.queue-digest',
    cron: '0 6 * * *',
    handler: async (services) => void (await sendCorrespondentDigests(services)),
  },
  {
    name: 'notifications.coverage-digest',
    cron: '0 6 * * 1',
    handler: async (services) => void (await sendAdminDigests(services)),
  },
];
