import { sql as dsql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { users } from '../db/schema/index.js';
import { DomainError } from '../errors.js';
import { loadActor, type Actor } from './actor.js';
import { dummyVerify, verifyPassword } from './password.js';
import { createSession, sessionPolicy } from './session.js';
import { assertNotThrottled, clearAccountFailures, recordFailure, throttleKeys } from './throttle.js';

export class InvalidCredentials extends DomainError {
  constructor() {
    // The same words for an unknown email and a wrong password: nobody learns who has an account.
    super(401, 'invalid_credentials', 'Email or password is incorrect.', { field: 'password' });
  }
}

export interface LoginResult {
  token: string;
  actor: Actor;
  expiresAt: Date;
}

/** Checks a password and opens a new session (a new one at every login, never a reused one). */
export async function loginWithPassword(db: Database, input: { email: string; password: string; userAgent?: string | null; ip?: string | null }): Promise<LoginResult> {
  const keys = throttleKeys(input.email, input.ip);
  await assertNotThrottled(db, keys);
  const [user] = await db
    .select()
    .from(users)
    .where(dsql`lower(${users.email}) = lower(${input.email.trim()})`)
    .limit(1);
  if (!user || !user.passwordHash || user.disabledAt) {
    await dummyVerify(input.password);
    await recordFailure(db, keys);
    throw new InvalidCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailure(db, keys);
    throw new InvalidCredentials();
  }
  await clearAccountFailures(db, input.email);
  return openSession(db, user.id, input.userAgent);
}

/** A brand-new session for a person who just proved who they are (login, invitation, password change). */
export async function openSession(db: Database, userId: string, userAgent?: string | null): Promise<LoginResult> {
  const { token, session } = await createSession(db, userId, userAgent);
  const actor = (await loadActor(db, userId, session.id))!;
  const policy = sessionPolicy(actor.role);
  return { token, actor, expiresAt: new Date(session.createdAt.getTime() + policy.inactivityMs) };
}
