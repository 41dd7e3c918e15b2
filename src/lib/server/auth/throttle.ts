import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { authThrottle } from '../db/schema/index.js';
import { TooManyRequests } from '../errors.js';

/**
 * Failed sign-ins slow down, they never lock: after a few free tries each further failure doubles the wait (up to
 * 15 minutes). The counters live in PostgreSQL so every app process sees the same ones; a quiet day forgets them.
 * An IP gets more free tries than an account: an office or a campus shares one address.
 */
const FREE_FAILURES = { account: 5, ip: 20 } as const;
const MAX_DELAY_S = 15 * 60;
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

type Scope = keyof typeof FREE_FAILURES;

export function throttleKeys(email: string, ip: string | null | undefined): Array<{ key: string; scope: Scope }> {
  const keys: Array<{ key: string; scope: Scope }> = [{ key: `account:${email.trim().toLowerCase().replace(/[\uD800-\uDFFF]/gu, "\uFFFD")}`, scope: 'account' }];
  if (ip) keys.push({ key: `ip:${ip}`, scope: 'ip' });
  return keys;
}

/** Seconds to wait after `failures` failed attempts in a scope (0 while the free tries last). */
export function delaySeconds(scope: Scope, failures: number): number {
  const over = failures - FREE_FAILURES[scope];
  if (over < 0) return 0;
  return Math.min(MAX_DELAY_S, 2 ** Math.min(over, 20));
}

/** Throws 429 with Retry-After while any key is in its waiting period. Checked before the password is. */
export async function assertNotThrottled(db: Database, keys: Array<{ key: string; scope: Scope }>): Promise<void> {
  const rows = await db.select().from(authThrottle).where(inArray(authThrottle.key, keys.map((k) => k.key)));
  const now = Date.now();
  let wait = 0;
  for (const row of rows) {
    if (now - row.lastFailureAt.getTime() > FORGET_AFTER_MS) continue;
    const scope = keys.find((k) => k.key === row.key)!.scope;
    const until = row.lastFailureAt.getTime() + delaySeconds(scope, row.failures) * 1000;
    if (until > now) wait = Math.max(wait, Math.ceil((until - now) / 1000));
  }
  if (wait > 0) throw new TooManyRequests('Too many failed sign-in attempts. Try again later.', wait);
}

export async function recordFailure(db: Database, keys: Array<{ key: string; scope: Scope }>): Promise<void> {
  for (const { key } of keys) {
    await db
      .insert(authThrottle)
      .values({ key, failures: 1, lastFailureAt: sql`now()` })
      .onConflictDoUpdate({
        target: authThrottle.key,
        set: {
          failures: sql`case when ${authThrottle.lastFailureAt} < now() - interval '24 hours' then 1 else ${authThrottle.failures} + 1 end`,
          lastFailureAt: sql`now()`,
        },
      });
  }
}

/** A successful sign-in clears the account's counter; the IP's keeps counting down on its own. */
export async function clearAccountFailures(db: Database, email: string): Promise<void> {
  await db.delete(authThrottle).where(inArray(authThrottle.key, [`account:${email.trim().toLowerCase()}`]));
}
