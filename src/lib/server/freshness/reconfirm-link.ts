import { timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/index.js';
import { signedToken } from '../security/app-secret.js';

/**
 * The one-click reconfirmation link of a reminder mail. It is signed over the listing, the recipient and the
 * current expiry date: once the request is reconfirmed its expiry moves and every earlier link stops working,
 * so a link serves once, without storing anything.
 */
export function reconfirmToken(db: Database, listingId: string, userId: string, expiresAt: Date): Promise<string> {
  return signedToken(db, 'reconfirm', `${listingId}:${userId}:${expiresAt.toISOString()}`);
}

export async function reconfirmTokenMatches(
  db: Database,
  token: string,
  listingId: string,
  userId: string,
  expiresAt: Date,
): Promise<boolean> {
  const expected = Buffer.from(await reconfirmToken(db, listingId, userId, expiresAt));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function reconfirmUrl(origin: string, listingId: string, userId: string, token: string): string {
  return `${origin}/demandes/${listingId}/reconfirmer?u=${userId}&t=${token}`;
}
