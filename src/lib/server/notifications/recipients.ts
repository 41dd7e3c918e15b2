import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { approvedMembersOf } from '../permissions/membership.js';
import type { Database } from '../db/index.js';
import { correspondentCountries, users } from '../db/schema/index.js';

export interface Recipient {
  id: string;
  email: string;
  displayName: string;
  locale: string;
}

const recipientColumns = { id: users.id, email: users.email, displayName: users.displayName, locale: users.locale };
type Reader = Pick<Database, 'select'>;

/** The people told in an authority's name: its approved members (the permissions module's rule). */
export async function authorityMembers(db: Reader, authorityId: string): Promise<Recipient[]> {
  return approvedMembersOf(db, authorityId);
}

/** Everyone still attached to an authority, approved or not (an authority's verification concerns them all). */
export async function everyoneOf(db: Reader, authorityId: string): Promise<Recipient[]> {
  return db
    .select(recipientColumns)
    .from(users)
    .where(and(eq(users.authorityId, authorityId), isNull(users.disabledAt)))
    .orderBy(asc(users.createdAt));
}

export async function person(db: Reader, userId: string | null | undefined): Promise<Recipient | null> {
  if (!userId) return null;
  const [row] = await db
    .select(recipientColumns)
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)))
    .limit(1);
  return row ?? null;
}

/**
 * Who hears about a request on the author's side: its authority's approved members, and the person who wrote it
 * even before their membership is confirmed (they are waiting for exactly this news).
 */
export async function listingAuthors(
  db: Reader,
  listing: { authorityId: string; createdBy: string | null },
): Promise<Recipient[]> {
  const members = await authorityMembers(db, listing.authorityId);
  if (listing.createdBy && !members.some((m) => m.id === listing.createdBy)) {
    const [writer] = await db
      .select(recipientColumns)
      .from(users)
      .where(and(eq(users.id, listing.createdBy), eq(users.authorityId, listing.authorityId), isNull(users.disabledAt)))
      .limit(1);
    if (writer) members.push(writer);
  }
  return members;
}

/** The correspondents covering a country; the administrators when no one covers it (nothing waits unseen). */
export async function moderatorsOf(db: Reader, country: string): Promise<Recipient[]> {
  const correspondents = await db
    .select(recipientColumns)
    .from(users)
    .innerJoin(correspondentCountries, eq(correspondentCountries.userId, users.id))
    .where(and(eq(correspondentCountries.country, country), eq(users.role, 'correspondent'), isNull(users.disabledAt)))
    .orderBy(asc(users.createdAt));
  if (correspondents.length) return correspondents;
  return admins(db);
}

export async function admins(db: Reader): Promise<Recipient[]> {
  return db
    .select(recipientColumns)
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
    .orderBy(asc(users.createdAt));
}

/** A person told about their own standing (rejected, disabled): reached even when their account is closed. */
export async function personConcerned(db: Reader, userId: string | null | undefined): Promise<Recipient | null> {
  if (!userId) return null;
  const [row] = await db.select(recipientColumns).from(users).where(eq(users.id, userId)).limit(1);
  return row ?? null;
}

export async function people(db: Reader, ids: string[]): Promise<Recipient[]> {
  if (!ids.length) return [];
  return db
    .select(recipientColumns)
    .from(users)
    .where(and(inArray(users.id, ids), isNull(users.disabledAt)));
}
