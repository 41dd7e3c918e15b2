import { eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { correspondentCountries, users } from '../db/schema/index.js';
import type { MembershipState } from '../permissions/membership.js';

export type Role = 'foreign_authority' | 'french_authority' | 'correspondent' | 'admin';

/**
 * Who is acting: the only thing permission checks look at. Anonymous visitors are `null`. A correspondent's
 * `countries` is the perimeter of everything they may see and decide.
 */
export interface Actor {
  userId: string;
  role: Role;
  email: string;
  displayName: string;
  authorityId: string | null;
  countries: string[];
  emailVerified: boolean;
  /** Standing in the authority (null for staff): only `approved` acts or reads in its name. */
  membership: MembershipState | null;
  /** membership === 'approved': vouched for by a colleague, the email domain, a moderator or an invitation. */
  approved: boolean;
  sessionId: string | null;
}

export async function loadActor(db: Database, userId: string, sessionId: string | null): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  return user ? actorOf(db, user, sessionId) : null;
}

/** The actor for a user row already read (with its session, for instance); reads a correspondent's countries. */
export async function actorOf(
  db: Database,
  user: typeof users.$inferSelect,
  sessionId: string | null,
): Promise<Actor | null> {
  if (user.disabledAt) return null;
  const userId = user.id;
  const countries =
    user.role === 'correspondent'
      ? (
          await db
            .select({ country: correspondentCountries.country })
            .from(correspondentCountries)
            .where(eq(correspondentCountries.userId, userId))
        )
          .map((r) => r.country)
          .sort()
      : [];
  return {
    userId: user.id,
    role: user.role,
    email: user.email,
    displayName: user.displayName,
    authorityId: user.authorityId,
    countries,
    emailVerified: user.emailVerifiedAt !== null,
    membership: user.authorityId ? user.membership : null,
    // Staff are vouched for by the admin who invited them.
    approved: user.authorityId ? user.membership === 'approved' : user.approvedAt !== null,
    sessionId,
  };
}
