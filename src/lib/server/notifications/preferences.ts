import { timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { notificationPreferences, users } from '../db/schema/index.js';
import { InvalidInput } from '../errors.js';
import { isUuid } from '../ids.js';
import { signedToken } from '../security/app-secret.js';
import {
  DELIVERY_MODES,
  isNotificationKind,
  isOptional,
  NOTIFICATION_KINDS,
  type DeliveryMode,
  type NotificationKind,
} from './kinds.js';

/** Each kind's mode for a person: immediately unless they chose otherwise; account kinds always immediately. */
export async function preferencesOf(
  db: Pick<Database, 'select'>,
  userId: string,
): Promise<Record<NotificationKind, DeliveryMode>> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [r.kind, r.mode as DeliveryMode]));
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((k) => [k, isOptional(k) ? (chosen.get(k) ?? 'immediate') : 'immediate']),
  ) as Record<NotificationKind, DeliveryMode>;
}

export async function modeOf(
  db: Pick<Database, 'select'>,
  userId: string,
  kind: NotificationKind,
): Promise<DeliveryMode> {
  if (!isOptional(kind)) return 'immediate';
  const [row] = await db
    .select({ mode: notificationPreferences.mode })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)))
    .limit(1);
  return (row?.mode as DeliveryMode | undefined) ?? 'immediate';
}

/** Saves the modes given (form or API); account kinds cannot be changed, unknown kinds or modes are refused. */
export async function setPreferences(db: Database, userId: string, input: Record<string, unknown>): Promise<void> {
  const entries: Array<[NotificationKind, DeliveryMode]> = [];
  for (const [kind, mode] of Object.entries(input)) {
    if (!isNotificationKind(kind)) throw new InvalidInput(kind, `Unknown kind of notification: ${kind.slice(0, 60)}.`);
    if (!isOptional(kind)) continue;
    if (!(DELIVERY_MODES as readonly unknown[]).includes(mode))
      throw new InvalidInput(kind, 'Choose immediate, daily or off.');
    entries.push([kind, mode as DeliveryMode]);
  }
  for (const [kind, mode] of entries) {
    await db
      .insert(notificationPreferences)
      .values({ userId, kind, mode })
      .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { mode } });
  }
}

/** The one-click unsubscribe token of a person and kind (RFC 8058): signed, so nothing is stored. */
export function unsubscribeToken(db: Database, userId: string, kind: NotificationKind): Promise<string> {
  return signedToken(db, 'notification-unsubscribe', `${userId}:${kind}`);
}

export function unsubscribePath(userId: string, kind: NotificationKind, token: string): string {
  return `/notifications/desabonnement/${userId}/${kind}/${token}`;
}

export class InvalidUnsubscribeLink extends InvalidInput {
  constructor() {
    super('token', 'This unsubscribe link is not valid.');
  }
}

/** Turns a kind off for the person the link was made for. Idempotent: a second click changes nothing. */
export async function unsubscribe(
  db: Database,
  userId: string,
  kind: string,
  token: string,
): Promise<NotificationKind> {
  if (!isUuid(userId) || !isNotificationKind(kind) || !isOptional(kind) || !/^[A-Za-z0-9_-]{20,100}$/.test(token))
    throw new InvalidUnsubscribeLink();
  const expected = Buffer.from(await unsubscribeToken(db, userId, kind));
  const given = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidUnsubscribeLink();
  const [exists] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
  if (!exists) throw new InvalidUnsubscribeLink();
  await setPreferences(db, userId, { [kind]: 'off' });
  return kind;
}
