import { and, lt, sql } from 'drizzle-orm';
import { conversations } from '../db/schema/index.js';
import type { JobDefinition } from '../jobs/queue.js';
import { notify } from '../notifications/events.js';
import { sendOnce } from '../notifications/once.js';
import { processPending } from '../notifications/process.js';
import type { Services } from '../runtime/services.js';

export const UNANSWERED_AFTER_DAYS = 14;

/**
 * Daily: a conversation whose last message waits for an answer for 14 days gets one reminder to the side that
 * has not answered (one per unanswered message, whatever the number of runs or processes). Returns the number of
 * reminders raised; the notification service tells the people.
 */
export async function sendUnansweredReminders(services: Services, now = new Date()): Promise<number> {
  const due = await services.db
    .select({
      id: conversations.id,
      lastMessageAt: conversations.lastMessageAt,
      lastMessageSide: conversations.lastMessageSide,
    })
    .from(conversations)
    .where(
      and(
        lt(conversations.lastMessageAt, new Date(now.getTime() - UNANSWERED_AFTER_DAYS * 86_400_000)),
        sql`${conversations.status} in ('contacted', 'in_discussion')`,
      ),
    );
  let raised = 0;
  for (const row of due) {
    const waitingSide = row.lastMessageSide === 'french' ? 'foreign' : 'french';
    const ok = await sendOnce(services.db, `reminder:${row.id}:${row.lastMessageAt.toISOString()}`, async () => {
      await notify(
        services.db,
        'message_unanswered',
        { conversationId: row.id, waitingSide, days: String(UNANSWERED_AFTER_DAYS) },
        null,
      );
    });
    if (ok) raised++;
  }
  if (raised) await processPending(services);
  return raised;
}

// Queue names keep their original `relay.` prefix: they are stored in pg-boss (queued jobs, schedules). New messages
// are told through the notification service (notifications.event / notifications.sweep).
export const conversationJobs: JobDefinition<never>[] = [
  {
    name: 'relay.reminders',
    cron: '0 8 * * *',
    handler: async (services) => void (await sendUnansweredReminders(services)),
  },
];
