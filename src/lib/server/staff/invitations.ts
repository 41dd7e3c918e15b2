import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import { sendInvitation, type InvitationGrant } from '../auth/invitations.js';
import type { Database } from '../db/index.js';
import { oneTimeTokens } from '../db/schema/index.js';
import { Forbidden, NotFound } from '../errors.js';
import { isUuid } from '../ids.js';
import type { Services } from '../runtime/services.js';
import { recordTrustEvent } from '../trust/audit.js';

function assertAdmin(actor: Actor | null): asserts actor is Actor {
  if (actor?.role !== 'admin') throw new Forbidden('Only an administrator manages staff invitations.');
}

const staffInvitation = and(
  eq(oneTimeTokens.purpose, 'invitation'),
  isNull(oneTimeTokens.usedAt),
  inArray(sql`${oneTimeTokens.payload}->>'role'`, ['correspondent', 'admin']),
);

/** Staff invitations sent and not accepted yet (nor expired), oldest first. */
export async function pendingStaffInvitations(db: Database, actor: Actor | null) {
  assertAdmin(actor);
  const rows = await db
    .select()
    .from(oneTimeTokens)
    .where(and(staffInvitation, gt(oneTimeTokens.expiresAt, sql`now()`)))
    .orderBy(asc(oneTimeTokens.createdAt));
  return rows.map((row) => {
    const grant = row.payload as unknown as InvitationGrant;
    return {
      id: row.id,
      email: row.email ?? '',
      role: grant.role,
      countries: grant.countries ?? [],
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
    };
  });
}

async function invitationRow(db: Database, id: string) {
  if (!isUuid(id)) throw new NotFound('This invitation');
  const [row] = await db
    .select()
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.id, id), staffInvitation))
    .limit(1);
  if (!row) throw new NotFound('This invitation');
  return row;
}

/** The link dies at once: whoever holds the mail can no longer create the account. Audited. */
export async function revokeStaffInvitation(db: Database, actor: Actor | null, id: string): Promise<void> {
  assertAdmin(actor);
  const row = await invitationRow(db, id);
  await db.transaction(async (tx) => {
    await tx.delete(oneTimeTokens).where(eq(oneTimeTokens.id, row.id));
    await recordTrustEvent(tx, {
      actor,
      action: 'staff.invitation_revoke',
      details: { email: row.email, role: (row.payload as { role?: string }).role },
    });
  });
}

/**
 * A fresh link (seven days again) for the same grant, in the language the invitation was written in; the old link
 * stops working once the new one is sent. Audited.
 */
export async function resendStaffInvitation(services: Services, actor: Actor | null, id: string) {
  assertAdmin(actor);
  const row = await invitationRow(services.db, id);
  const { locale, ...grant } = row.payload as unknown as InvitationGrant & { locale?: string };
  const sent = await sendInvitation(
    services,
    actor,
    row.email ?? '',
    { ...grant, invitedBy: actor.userId },
    null,
    locale ?? 'fr',
  );
  await services.db.transaction(async (tx) => {
    await tx.delete(oneTimeTokens).where(eq(oneTimeTokens.id, row.id));
    await recordTrustEvent(tx, {
      actor,
      action: 'staff.invitation_resend',
      details: { email: row.email, role: grant.role },
    });
  });
  return sent;
}
