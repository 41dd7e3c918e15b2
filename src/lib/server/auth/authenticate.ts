import type { Database } from '../db/index.js';
import { actorOf, type Actor } from './actor.js';
import { validateSessionToken } from './session.js';

/** Resolves a session token (cookie or bearer) to the acting person, or null. */
export async function authenticate(
  db: Database,
  token: string | undefined | null,
): Promise<{ actor: Actor; expiresAt: Date; renewed: boolean } | null> {
  if (!token) return null;
  const session = await validateSessionToken(db, token);
  if (!session) return null;
  const actor = await actorOf(db, session.user, session.id);
  return actor ? { actor, expiresAt: session.expiresAt, renewed: session.renewed } : null;
}
