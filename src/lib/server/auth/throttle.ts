import { and, desc, gt, inArray, like, or, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { authThrottle } from '../db/schema/index.js';
import { TooManyRequests } from '../errors.js';

/**
 * Failed sign-ins slow the client that fails, never the owner (OWASP Authentication Cheat Sheet, "account lockout"
 * and "device cookies"). Three counters, in PostgreSQL so that every app process sees the same ones:
 *
 * - per client (an IP address): guessing across many accounts from one place;
 * - per (account, client): guessing one account's password from one place;
 * - per account, all clients together: a guess spread over many addresses. This one only slows clients that have
 *   failed on the account themselves, so the owner — from a new address, or from a browser holding the device
 *   cookie of an earlier successful sign-in — always gets in with the right password at once.
 *
 * After the free tries each further failure doubles the wait (up to 15 minutes); a quiet day forgets it all.
 */
const FREE_FAILURES = { client: 20, accountClient: 5, account: 10 } as const;
const MAX_DELAY_S = 15 * 60;
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export type ThrottleScope = keyof typeof FREE_FAILURES;
export interface ThrottleKey {
  key: string;
  scope: ThrottleScope;
}

/** Who is signing in from where: an address, or a device cookie proven for this account (which outranks it). */
export interface SignInClient {
  ip?: string | null;
  /** The nonce of a valid device cookie for this account, or another stable client id (a session). */
  device?: string | null;
}

const accountKey = (email: string) =>
  `account:${email
    .trim()
    .toLowerCase()
    .replace(/[\uD800-\uDFFF]/gu, '\uFFFD')}`;

export function throttleKeys(email: string, client: SignInClient): ThrottleKey[] {
  const account = accountKey(email);
  const clientId = client.device ? `device:${client.device}` : client.ip ? `ip:${client.ip}` : null;
  const keys: ThrottleKey[] = [{ key: account, scope: 'account' }];
  if (clientId) keys.push({ key: `${account}|${clientId}`, scope: 'accountClient' });
  // A device proven for this account is not held back by what others did from its network.
  if (client.ip && !client.device) keys.push({ key: `ip:${client.ip}`, scope: 'client' });
  return keys;
}

/** Seconds to wait after `failures` failed attempts in a scope (0 while the free tries last). */
export function delaySeconds(scope: ThrottleScope, failures: number): number {
  const over = failures - FREE_FAILURES[scope];
  if (over < 0) return 0;
  return Math.min(MAX_DELAY_S, 2 ** Math.min(over, 20));
}

/** Throws 429 with Retry-After while this client must wait. Checked before the password is. */
export async function assertNotThrottled(db: Database, keys: ThrottleKey[]): Promise<void> {
  const rows = await db
    .select()
    .from(authThrottle)
    .where(
      inArray(
        authThrottle.key,
        keys.map((k) => k.key),
      ),
    );
  const now = Date.now();
  const live = rows.filter((row) => now - row.lastFailureAt.getTime() <= FORGET_AFTER_MS);
  const scopeOf = (key: string) => keys.find((k) => k.key === key)!.scope;
  // The account-wide counter only concerns an unproven client that has itself failed on this account.
  const provenDevice = keys.some((k) => k.scope === 'accountClient' && k.key.includes('|device:'));
  const clientFailedHere =
    !provenDevice && live.some((row) => scopeOf(row.key) === 'accountClient' && row.failures > 0);
  let wait = 0;
  for (const row of live) {
    const scope = scopeOf(row.key);
    if (scope === 'account' && !clientFailedHere) continue;
    const until = row.lastFailureAt.getTime() + delaySeconds(scope, row.failures) * 1000;
    if (until > now) wait = Math.max(wait, Math.ceil((until - now) / 1000));
  }
  if (wait > 0) throw new TooManyRequests('Too many failed sign-in attempts. Try again later.', wait);
}

/** Counts one failure on every key; returns the scopes that have just started slowing down (for the log). */
export async function recordFailure(db: Database, keys: ThrottleKey[]): Promise<ThrottleScope[]> {
  const started: ThrottleScope[] = [];
  for (const { key, scope } of keys) {
    const [row] = await db
      .insert(authThrottle)
      .values({ key, failures: 1, lastFailureAt: sql`now()` })
      .onConflictDoUpdate({
        target: authThrottle.key,
        set: {
          failures: sql`case when ${authThrottle.lastFailureAt} < now() - interval '24 hours' then 1 else ${authThrottle.failures} + 1 end`,
          lastFailureAt: sql`now()`,
        },
      })
      .returning({ failures: authThrottle.failures });
    if (row && row.failures === FREE_FAILURES[scope] + 1) started.push(scope);
  }
  return started;
}

/**
 * A successful sign-in clears this client's counter on the account. The account-wide and per-address counters keep
 * counting down on their own: an attacker's failing clients stay slowed after the owner signed in.
 */
export async function clearClientFailures(db: Database, keys: ThrottleKey[]): Promise<void> {
  const own = keys.filter((k) => k.scope === 'accountClient').map((k) => k.key);
  if (own.length) await db.delete(authThrottle).where(inArray(authThrottle.key, own));
}

/** After a password reset the account starts afresh: every counter about it goes. */
export async function clearAccountFailures(db: Database, email: string): Promise<void> {
  const account = accountKey(email);
  await db
    .delete(authThrottle)
    .where(or(inArray(authThrottle.key, [account]), like(authThrottle.key, `${account.replace(/[\\%_]/g, '\\$&')}|%`)));
}

export interface ThrottleEvent {
  scope: ThrottleScope;
  /** The account's address and/or the client (IP or device), as counted. */
  account: string | null;
  client: string | null;
  failures: number;
  lastFailureAt: Date;
  /** Until when this counter slows its client down (null: within the free tries). */
  slowedUntil: Date | null;
}

/** What staff see: the counters that failed in the last day, the ones slowing someone down first. */
export async function listThrottleEvents(db: Database, limit = 200): Promise<ThrottleEvent[]> {
  const rows = await db
    .select()
    .from(authThrottle)
    .where(and(gt(authThrottle.failures, 0), gt(authThrottle.lastFailureAt, sql`now() - interval '24 hours'`)))
    .orderBy(desc(authThrottle.failures), desc(authThrottle.lastFailureAt))
    .limit(limit);
  return rows.map((row) => {
    const [head, client] = row.key.split('|') as [string, string | undefined];
    const scope: ThrottleScope = client ? 'accountClient' : head.startsWith('ip:') ? 'client' : 'account';
    const delay = delaySeconds(scope, row.failures);
    const until = new Date(row.lastFailureAt.getTime() + delay * 1000);
    return {
      scope,
      account: head.startsWith('account:') ? head.slice('account:'.length) : null,
      client: client ?? (head.startsWith('ip:') ? head : null),
      failures: row.failures,
      lastFailureAt: row.lastFailureAt,
      slowedUntil: delay > 0 ? until : null,
    };
  });
}
