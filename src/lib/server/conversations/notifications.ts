import { and, eq, lt, sql } from 'drizzle-orm';
import { conversationMessages, conversations } from '../db/schema/index.js';
import type { JobDefinition } from '../jobs/queue.js';
import { jobQueue } from '../jobs/queue.js';
import { deliver } from '../notifications/deliver.js';
import { sendOnce } from '../notifications/once.js';
import type { Services } from '../runtime/services.js';
import { conversationMail } from './mails.js';
import { loadConversation, membersOf } from './participants.js';

export const UNANSWERED_AFTER_DAYS = 14;

/** Queued after the message is committed; the job mails the other side (never revealing the sender's address). */
export async function notifyNewMessage(messageId: number): Promise<void> {
  await jobQueue()?.send('relay.message', { messageId }, { singletonKey: `message:${messageId}` });
}

export async function sendMessageNotification(services: Services, data: { messageId: number }): Promise<number> {
  const [message] = await services.db.select().from(conversationMessages).where(eq(conversationMessages.id, data.messageId)).limit(1);
  if (!message) return 0;
  const ctx = await loadConversation(services.db, message.conversationId);
  const recipientsAuthority = message.senderSide === 'french' ? ctx.listing.authorityId : ctx.conversation.frenchAuthorityId;
  const senderName = message.senderSide === 'french' ? ctx.frenchAuthority.name : ctx.foreignAuthority.name;
  let sent = 0;
  for (const member of await membersOf(services.db, recipientsAuthority)) {
    const delivered = await sendOnce(services.db, `message:${message.id}:${member.id}`, () =>
      deliver(services, conversationMail('new_message', member.locale, member.email, {
        name: member.displayName,
        from: senderName,
        listing: ctx.listing.title,
        excerpt: message.body.length > 600 ? `${message.body.slice(0, 600)}…` : message.body,
        link: `${services.config.origin}/echanges/${ctx.conversation.id}`,
      })),
    );
    if (delivered) sent++;
  }
  return sent;
}

/**
 * Daily: a conversation whose last message waits for an answer for 14 days gets one reminder to the side that
 * has not answered (one per unanswered message, whatever the number of runs or processes).
 */
export async function sendUnansweredReminders(services: Services, now = new Date()): Promise<number> {
  const due = await services.db
    .select({ id: conversations.id, lastMessageAt: conversations.lastMessageAt, lastMessageSide: conversations.lastMessageSide })
    .from(conversations)
    .where(and(lt(conversations.lastMessageAt, new Date(now.getTime() - UNANSWERED_AFTER_DAYS * 86_400_000)), sql`${conversations.status} in ('contacted', 'in_discussion')`));
  let sent = 0;
  for (const row of due) {
    const ctx = await loadConversation(services.db, row.id);
    const waitingAuthority = row.lastMessageSide === 'french' ? ctx.listing.authorityId : ctx.conversation.frenchAuthorityId;
    const writer = row.lastMessageSide === 'french' ? ctx.frenchAuthority.name : ctx.foreignAuthority.name;
    for (const member of await membersOf(services.db, waitingAuthority)) {
      const delivered = await sendOnce(services.db, `reminder:${row.id}:${row.lastMessageAt.toISOString()}:${member.id}`, () =>
        deliver(services, conversationMail('reminder', member.locale, member.email, {
          name: member.displayName,
          from: writer,
          listing: ctx.listing.title,
          days: String(UNANSWERED_AFTER_DAYS),
          link: `${services.config.origin}/echanges/${row.id}`,
        })),
      );
      if (delivered) sent++;
    }
  }
  return sent;
}

/** Safety net for a notification whose job was never queued (crash between commit and send): sendOnce dedups. */
export async function sweepRecentMessages(services: Services, now = new Date()): Promise<number> {
  const recent = await services.db
    .select({ id: conversationMessages.id })
    .from(conversationMessages)
    .where(sql`${conversationMessages.createdAt} > ${new Date(now.getTime() - 2 * 86_400_000).toISOString()}::timestamptz`);
  let sent = 0;
  for (const { id } of recent) sent += await sendMessageNotification(services, { messageId: id });
  return sent;
}

// Queue names keep their original `relay.` prefix: they are stored in pg-boss (queued jobs, schedules).
export const conversationJobs: JobDefinition<never>[] = [
  { name: 'relay.message', handler: async (services, data: { messageId: number }) => void (await sendMessageNotification(services, data)) } as JobDefinition<never>,
  { name: 'relay.sweep', cron: '*/5 * * * *', handler: async (services) => void (await sweepRecentMessages(services)) },
  { name: 'relay.reminders', cron: '0 8 * * *', handler: async (services) => void (await sendUnansweredReminders(services)) },
];
