import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { trustEvents } from '../db/schema/index.js';

type Writer = Pick<Database, 'insert'>;

export interface TrustEvent {
  actor: Pick<Actor, 'userId' | 'role'> | null;
  action: string;
  subjectUserId?: string | null;
  authorityId?: string | null;
  partnershipId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

/** One row of the trust audit trail, written in the transaction of the decision it records. */
export async function recordTrustEvent(tx: Writer, event: TrustEvent): Promise<void> {
  await tx.insert(trustEvents).values({
    actorId: event.actor?.userId ?? null,
    actorRole: event.actor?.role ?? 'system',
    action: event.action,
    subjectUserId: event.subjectUserId ?? null,
    authorityId: event.authorityId ?? null,
    partnershipId: event.partnershipId ?? null,
    reason: event.reason ?? null,
    details: event.details ?? null,
  });
}
