import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schemaFlags } from '../db/schema/index.js';

const cache = new WeakMap<Database, Promise<Buffer>>();

/**
 * A random key generated once per database and kept in it, so every app process signs the same way and a
 * restored backup keeps its links valid. Used for long-lived, low-power links (unsubscribe).
 */
export function appSecret(db: Database): Promise<Buffer> {
  let pending = cache.get(db);
  if (!pending) {
    pending = (async () => {
      await db
        .insert(schemaFlags)
        .values({ key: 'app_secret', value: randomBytes(32).toString('base64') })
        .onConflictDoNothing();
      const [row] = await db.select().from(schemaFlags).where(eq(schemaFlags.key, 'app_secret'));
      return Buffer.from(String(row!.value), 'base64');
    })();
    pending.catch(() => cache.delete(db));
    cache.set(db, pending);
  }
  return pending;
}

/** A URL-safe signature of `purpose:subject`: the same input always gives the same token. */
export async function signedToken(db: Database, purpose: string, subject: string): Promise<string> {
  return createHmac('sha256', await appSecret(db))
    .update(`${purpose}:${subject}`)
    .digest('base64url');
}
