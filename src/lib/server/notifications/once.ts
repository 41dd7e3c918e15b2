import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { sentNotifications } from '../db/schema/index.js';

/**
 * Runs `send` only if nothing was sent yet under `key` (e.g. "reminder:<conversation>:<date>"), so a job that
 * runs twice — two processes, a retry after a crash — never mails twice. If sending fails the key is released
 * so the retry can try again.
 */
export async function sendOnce(db: Database, key: string, send: () => Promise<void>): Promise<boolean> {
  const claimed = await db
    .insert(sentNotifications)
    .values({ key })
    .onConflictDoNothing()
    .returning({ key: sentNotifications.key });
  if (claimed.length === 0) return false;
  try {
    await send();
    return true;
  } catch (error) {
    await db.delete(sentNotifications).where(eq(sentNotifications.key, key));
    throw error;
  }
}

export async function wasSent(db: Database, key: string): Promise<boolean> {
  const rows = await db
    .select({ n: sql<number>`1` })
    .from(sentNotifications)
    .where(eq(sentNotifications.key, key))
    .limit(1);
  return rows.length > 0;
}
