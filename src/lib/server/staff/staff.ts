import { asc, eq, inArray, sql } from 'drizzle-orm';
import { isForeignCountry } from '../../reference/countries.js';
import type { Database } from '../db/index.js';
import { correspondentCountries, sessions, users } from '../db/schema/index.js';
import { Conflict, Forbidden, InvalidInput, NotFound, Unauthenticated } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import { listThrottleEvents, type ThrottleEvent } from '../auth/throttle.js';
import { isUuid } from '../ids.js';
import { recordTrustEvent } from '../trust/audit.js';

/** Upper-cased, deduplicated, sorted; France and its overseas territories are nobody's "country covered". */
export function coveredCountries(raw: string[], field = 'countries'): string[] {
  const countries = [...new Set(raw.map((c) => c.trim().toUpperCase()))].sort();
  const wrong = countries.find((c) => !isForeignCountry(c));
  if (wrong) throw new InvalidInput(field, `"${wrong}" is not a country a correspondent can cover.`);
  if (countries.length === 0) throw new InvalidInput(field, 'A correspondent covers at least one country.');
  return countries;
}

function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin')
    throw new Forbidden('Only an administrator can manage correspondents and administrators.');
}

/** The delegation reassigns a correspondent's countries; the new perimeter applies from their next request. */
export async function setCorrespondentCountries(
  db: Database,
  actor: Actor,
  userId: string,
  raw: string[],
): Promise<string[]> {
  assertAdmin(actor);
  if (!isUuid(userId)) throw new NotFound('The account');
  const countries = coveredCountries(raw);
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).for('update').limit(1);
    if (!user) throw new NotFound('The account');
    if (user.role !== 'correspondent') throw new InvalidInput('userId', 'Only correspondents cover countries.');
    await tx.delete(correspondentCountries).where(eq(correspondentCountries.userId, userId));
    await tx.insert(correspondentCountries).values(countries.map((country) => ({ userId, country })));
    await recordTrustEvent(tx, { actor, action: 'staff.countries', subjectUserId: userId, details: { countries } });
  });
  return countries;
}

/** Disabling signs the person out everywhere and refuses their sign-ins; enabling gives the account back. */
export async function setAccountDisabled(db: Database, actor: Actor, userId: string, disabled: boolean): Promise<void> {
  assertAdmin(actor);
  if (!isUuid(userId)) throw new NotFound('The account');
  if (disabled && userId === actor.userId) throw new Conflict('You cannot disable your own account.');
  await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ disabledAt: disabled ? sql`coalesce(${users.disabledAt}, now())` : null, updatedAt: sql`now()` })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!user) throw new NotFound('The account');
    if (disabled) await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordTrustEvent(tx, {
      actor,
      action: disabled ? 'account.disable' : 'account.enable',
      subjectUserId: userId,
    });
  });
}

/** The delegation's view of its staff: correspondents with the countries they cover, and administrators. */
export async function listStaff(db: Database, actor: Actor | null) {
  if (!actor) throw new Unauthenticated();
  if (actor.role !== 'admin') throw new Forbidden('Only administrators see the staff list.');
  const staff = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(inArray(users.role, ['correspondent', 'admin']))
    .orderBy(asc(users.role), asc(users.displayName));
  const countries = await db.select().from(correspondentCountries).orderBy(asc(correspondentCountries.country));
  return staff.map((s) => ({
    ...s,
    active: s.disabledAt === null,
    countries: countries.filter((c) => c.userId === s.id).map((c) => c.country),
  }));
}

/** Who is being slowed down at sign-in, and from where: the delegation watches for guessing campaigns. */
export async function signInThrottling(db: Database, actor: Actor): Promise<ThrottleEvent[]> {
  assertAdmin(actor);
  return listThrottleEvents(db);
}
