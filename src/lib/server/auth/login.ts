import { sql as dsql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { users } from '../db/schema/index.js';
import { DomainError } from '../errors.js';
import { loadActor, type Actor } from './actor.js';
import { dummyVerify, verifyPassword } from './password.js';
import { createSession, sessionPolicy } from './session.js';
import { issueDeviceCookie, provenDevice } from './device-cookie.js';
import { assertNotThrottled, clearClientFailures, recordFailure, throttleKeys } from './throttle.js';

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
  /** After a sign-in with the password: the device cookie to (re)set, so this browser counts as itself next time. */
  deviceCookie?: string;
}

export interface SignInAttempt {
  email: string;
  password: string;
  userAgent?: string | null;
  ip?: string | null;
  /** The `device` cookie the browser sent, if any. */
  deviceCookie?: string | null;
  /** Where throttling starts is worth a line in the log (staff also see it at GET /api/v1/admin/sign-in-throttling). */
  onThrottled?: (event: { email: string; ip: string | null; scopes: string[] }) => void;
}

/** Checks a password and opens a new session (a new one at every login, never a reused one). */
export async function loginWithPassword(db: Database, input: SignInAttempt): Promise<LoginResult> {
  const [user] = await db
    .select()
    .from(users)
    .where(dsql`lower(${users.email}) = lower(${input.email.trim()})`)
    .limit(1);
  const device = user ? await provenDevice(db, user.id, input.deviceCookie) : null;
  const keys = throttleKeys(input.email, { ip: input.ip, device });
  await assertNotThrottled(db, keys);
  const fail = async (): Promise<never> => {
    const scopes = await recordFailure(db, keys);
    if (scopes.length) input.onThrottled?.({ email: input.email, ip: input.ip ?? null, scopes });
    throw new InvalidCredentials();
  };
  if (!user || !user.passwordHash || user.disabledAt) {
    await dummyVerify(input.password);
    return fail();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return fail();
  await clearClientFailures(db, keys);
  const result = await openSession(db, user.id, input.userAgent);
  return { ...result, deviceCookie: device ? input.deviceCookie! : await issueDeviceCookie(db, user.id) };
}

/** A brand-new session for a person who just proved who they are (login, invitation, password change). */
export async function openSession(db: Database, userId: string, userAgent?: string | null): Promise<LoginResult> {
  const { token, session } = await createSession(db, userId, userAgent);
  const actor = (await loadActor(db, userId, session.id))!;
  const policy = sessionPolicy(actor.role);
  return { token, actor, expiresAt: new Date(session.createdAt.getTime() + policy.inactivityMs) };
}
