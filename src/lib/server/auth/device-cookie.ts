import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/index.js';
import { signedToken } from '../security/app-secret.js';

/**
 * The device cookie of OWASP's guidance: after a successful sign-in the browser gets a cookie signed for that
 * account. Whoever presents it later is counted as that device, not as their address, so an attacker failing from
 * elsewhere (or from the same office network) never slows the owner down. It proves nothing else: the password is
 * still required.
 */
export const DEVICE_COOKIE = 'device';
const MAX_AGE_S = 365 * 24 * 3600;

const sign = (db: Database, userId: string, nonce: string) => signedToken(db, 'sign-in-device', `${userId}:${nonce}`);

/** A new cookie value for this account. */
export async function issueDeviceCookie(db: Database, userId: string): Promise<string> {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${await sign(db, userId, nonce)}`;
}

/** The device's id when `value` is a cookie issued for this account, else null. */
export async function provenDevice(
  db: Database,
  userId: string,
  value: string | null | undefined,
): Promise<string | null> {
  if (!value || value.length > 200) return null;
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return null;
  const expected = Buffer.from(await sign(db, userId, match[1]!));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1]! : null;
}

export function deviceCookieOptions(origin: string) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: new URL(origin).protocol === 'https:',
    maxAge: MAX_AGE_S,
  };
}
