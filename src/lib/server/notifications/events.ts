import type { Database } from '../db/index.js';
import { notificationEvents } from '../db/schema/index.js';
import { jobQueue } from '../jobs/queue.js';
import type { NotificationKind } from './kinds.js';

type Writer = Pick<Database, 'insert'>;

/**
 * Records that something happened which people must hear about. Call it inside the transaction that made it
 * happen: the event exists exactly when the change does. Then call `dispatch` once committed.
 */
export async function recordNotification(
  tx: Writer,
  kind: NotificationKind,
  subject: Record<string, string | null | undefined>,
  actorId: string | null,
): Promise<number> {
  const clean = Object.fromEntries(Object.entries(subject).filter(([, v]) => v !== undefined && v !== null)) as Record<
    string,
    string
  >;
  const [row] = await tx
    .insert(notificationEvents)
    .values({ kind, subject: clean, actorId })
    .returning({ id: notificationEvents.id });
  return row!.id;
}

/** Hands committed events to the job queue; if it is not running, the minute sweep delivers them. */
export async function dispatch(...eventIds: Array<number | null | undefined>): Promise<void> {
  const queue = jobQueue();
  if (!queue) return;
  for (const id of eventIds) {
    if (id) await queue.send('notifications.event', { eventId: id }, { singletonKey: `notification-event:${id}` });
  }
}

/** Records and dispatches at once, for an event that is not part of a larger transaction. */
export async function notify(
  db: Database,
  kind: NotificationKind,
  subject: Record<string, string | null | undefined>,
  actorId: string | null,
): Promise<number> {
  const id = await recordNotification(db, kind, subject, actorId);
  await dispatch(id);
  return id;
}
