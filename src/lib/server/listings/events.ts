import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { moderationEvents } from '../db/schema/index.js';
import type { ListingStatus } from './transitions.js';

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Changes = Record<string, { from: unknown; to: unknown }>;

export interface EventInput {
  listingId: string;
  actor: Actor | null;
  action: string;
  fromStatus: ListingStatus | null;
  toStatus: ListingStatus | null;
  comment?: string | null;
  changes?: Changes | null;
  at?: Date;
}

/** One audit-trail row per step; `actor: null` is the system (expiry, imports). */
export async function recordEvent(tx: Tx | Database, event: EventInput): Promise<void> {
  await tx.insert(moderationEvents).values({
    listingId: event.listingId,
    actorId: event.actor?.userId ?? null,
    actorRole: event.actor?.role ?? 'system',
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    comment: event.comment ?? null,
    changes: event.changes && Object.keys(event.changes).length ? event.changes : null,
    ...(event.at ? { createdAt: event.at } : {}),
  });
}

/** Field-by-field difference between what was and what is proposed (only fields that really change). */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const [field, to] of Object.entries(after)) {
    const from = before[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to ?? null)) changes[field] = { from, to: to ?? null };
  }
  return changes;
}

export async function listEventRows(db: Database, listingId: string) {
  return db
    .select()
    .from(moderationEvents)
    .where(eq(moderationEvents.listingId, listingId))
    .orderBy(asc(moderationEvents.id));
}
