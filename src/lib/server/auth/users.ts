import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { users } from '../db/schema/index.js';
import { Conflict } from '../errors.js';

export type UserRow = typeof users.$inferSelect;
type Reader = Pick<Database, 'select'>;

export async function findUserByEmail(db: Reader, email: string): Promise<UserRow | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email.trim()})`)
    .limit(1);
  return user ?? null;
}

export async function findUserById(db: Reader, id: string): Promise<UserRow | null> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

export async function assertEmailFree(db: Reader, email: string): Promise<void> {
  if (await findUserByEmail(db, email))
    throw new Conflict('An account already uses this email address.', { field: 'email' });
}
