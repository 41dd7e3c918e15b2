import { asc, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { correspondentCountries, users } from '../db/schema/index.js';
import { Forbidden, Unauthenticated } from '../errors.js';

/** The delegation's view of its staff: correspondents with the countries they cover, and administrators. */
export async function listStaff(db: Database, actor: Actor | null) {
  if (!actor) throw new Unauthenticated();
  if (actor.role !== 'admin') throw new Forbidden('Only administrators see the staff list.');
  const staff = await db
    .select({ id: users.id, displayName: users.displayName, email: users.email, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(inArray(users.role, ['correspondent', 'admin']))
    .orderBy(asc(users.role), asc(users.displayName));
  const countries = await db.select().from(correspondentCountries).orderBy(asc(correspondentCountries.country));
  return staff.map((s) => ({ ...s, active: s.disabledAt === null, countries: countries.filter((c) => c.userId === s.id).map((c) => c.country) }));
}

