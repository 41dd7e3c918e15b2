import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { sessions, users } from '../db/schema/index.js';

/**
 * Sessions written the lucia-auth.com way: a token `<id>.<secret>`; the database keeps the id and the SHA-256 of
 * the secret, so a leaked table cannot be replayed; secrets are compared in constant time.
 */
export const SESSION_COOKIE = 'session';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Correspondents and admins hold powers over many authorities: their sessions are shorter. */
export function sessionPolicy(role: string): { inactivityMs: number; absoluteMs: number } {
  return role === 'correspondent' || role === 'admin'
    ? { inactivityMs: 1 * DAY, absoluteMs: 7 * DAY }
    : { inactivityMs: 10 * DAY, absoluteMs: 30 * DAY };
}
const RENEW_EVERY_MS = HOUR;

function randomSecret(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: Date;
  lastVerifiedAt: Date;
}

export async function createSession(
  db: Database,
  userId: string,
  userAgent?: string | null,
): Promise<{ token: string; session: SessionRecord }> {
  const id = randomSecret();
  const secret = randomSecret();
  const now = new Date();
  await db.insert(sessions).values({
    id,
    secretHash: hashSecret(secret),
    userId,
    createdAt: now,
    lastVerifiedAt: now,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { token: `${id}.${secret}`, session: { id, userId, createdAt: now, lastVerifiedAt: now } };
}

/**
 * Returns the session and its user (read in the same query, so authenticating costs one round trip), or null;
 * renews the inactivity window at most hourly.
 */
export async function validateSessionToken(
  db: Database,
  token: string,
): Promise<
  (SessionRecord & { role: string; user: typeof users.$inferSelect; expiresAt: Date; renewed: boolean }) | null
> {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1] || parts[0].length > 64 || parts[1].length > 64) return null;
  const [id, secret] = parts as [string, string];
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  if (!constantTimeEqual(hashSecret(secret), row.session.secretHash)) return null;
  const now = Date.now();
  const policy = sessionPolicy(row.user.role);
  const inactiveUntil = row.session.lastVerifiedAt.getTime() + policy.inactivityMs;
  const absoluteUntil = row.session.createdAt.getTime() + policy.absoluteMs;
  if (row.user.disabledAt || now >= inactiveUntil || now >= absoluteUntil) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  let lastVerifiedAt = row.session.lastVerifiedAt;
  const renewed = now - lastVerifiedAt.getTime() >= RENEW_EVERY_MS;
  if (renewed) {
    lastVerifiedAt = new Date(now);
    await db.update(sessions).set({ lastVerifiedAt }).where(eq(sessions.id, id));
  }
  return {
    id,
    userId: row.session.userId,
    createdAt: row.session.createdAt,
    lastVerifiedAt,
    role: row.user.role,
    user: row.user,
    expiresAt: new Date(Math.min(lastVerifiedAt.getTime() + policy.inactivityMs, absoluteUntil)),
    renewed,
  };
}

export async function invalidateSession(db: Database, sessionId: string, userId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(userId ? and(eq(sessions.id, sessionId), eq(sessions.userId, userId)) : eq(sessions.id, sessionId));
}

/** Every session except `keepSessionId` ("sign out my other devices"). */
export async function invalidateOtherSessions(db: Database, userId: string, keepSessionId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)));
}

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastVerifiedAt: Date;
  userAgent: string | null;
  current: boolean;
}

/** A person's open sessions, newest activity first; the secret hash never leaves this module. */
export async function listSessions(
  db: Database,
  userId: string,
  currentSessionId: string | null,
): Promise<SessionSummary[]> {
  const rows = await db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastVerifiedAt: sessions.lastVerifiedAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastVerifiedAt));
  return rows.map((row) => ({ ...row, current: row.id === currentSessionId }));
}

export async function invalidateAllSessions(db: Database, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Cookie attributes: HttpOnly, SameSite=Lax, Path=/, Secure except on plain-http localhost. */
export function sessionCookieOptions(origin: string, expiresAt: Date) {
  const secure = new URL(origin).protocol === 'https:';
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure, expires: expiresAt };
}
