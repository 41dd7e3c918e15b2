import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import { optionalText } from '../auth/input.js';
import type { Database } from '../db/index.js';
import { authorities, listings, trustEvents, users } from '../db/schema/index.js';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { parseWebAddress } from '../input/web-address.js';
import { assertSpeaksFor } from '../permissions/membership.js';
import { enqueueSearchSync } from '../search/outbox.js';
import { recordTrustEvent } from '../trust/audit.js';

/** What an authority says about itself and its members may correct: size, web site, where it is. */
export interface AuthorityProfile {
  population: number | null;
  website: string | null;
  region: string | null;
}

export interface AuthorityProfileView extends AuthorityProfile {
  id: string;
  name: string;
  country: string;
  /** The version the edit form read: a save from an older one is refused rather than overwriting a colleague. */
  version: string;
  lastChange: { at: string; by: string | null } | null;
}

const FIELDS = ['population', 'website', 'region'] as const;

/** Population is a whole number of inhabitants (0 < n < 100 million: the largest local authorities). */
export function checkedPopulation(raw: unknown, field: string): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > 100_000_000)
    throw new InvalidInput(field, 'The population must be a whole number of inhabitants.', { reason: 'whole_number' });
  return raw;
}

export function checkedProfile(input: { population?: unknown; website?: unknown; region?: unknown }): AuthorityProfile {
  return {
    population: checkedPopulation(input.population, 'population'),
    website: parseWebAddress(input.website, 'website'),
    region: optionalText(typeof input.region === 'string' ? input.region : null, 'region', 200),
  };
}

/** The profile as its members and the correspondents see it, with the last change (who, when) from the audit trail. */
export async function readAuthorityProfile(db: Database, authorityId: string): Promise<AuthorityProfileView> {
  const [row] = isUuid(authorityId)
    ? await db.select().from(authorities).where(eq(authorities.id, authorityId)).limit(1)
    : [];
  if (!row) throw new NotFound('This authority');
  const [last] = await db
    .select({ at: trustEvents.createdAt, by: users.displayName })
    .from(trustEvents)
    .leftJoin(users, eq(users.id, trustEvents.actorId))
    .where(and(eq(trustEvents.authorityId, authorityId), eq(trustEvents.action, 'authority.profile_update')))
    .orderBy(desc(trustEvents.createdAt))
    .limit(1);
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    population: row.population,
    website: row.website,
    region: row.region,
    version: row.updatedAt.toISOString(),
    lastChange: last ? { at: last.at.toISOString(), by: last.by } : null,
  };
}

/**
 * An approved member corrects the authority's population, web site or region. The change is audited (before and
 * after, in the trust trail the correspondents read) and its requests are re-indexed (the size facet reads the
 * population). `version` is what the form read: a colleague's save in between is a conflict, never overwritten.
 */
export async function updateAuthorityProfile(
  db: Database,
  actor: Actor | null,
  authorityId: string,
  input: AuthorityProfile,
  version: string,
): Promise<AuthorityProfileView> {
  assertSpeaksFor(actor, authorityId, 'Editing the authority');
  const profile = checkedProfile(input);
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(authorities).where(eq(authorities.id, authorityId)).limit(1).for('update');
    if (!row) throw new NotFound('This authority');
    if (row.updatedAt.toISOString() !== version)
      throw new Conflict('A colleague changed this authority since you opened the form: reload and try again.', {
        reason: 'stale_version',
      });
    const changed = FIELDS.filter((f) => row[f] !== profile[f]);
    if (changed.length === 0) return;
    await tx
      .update(authorities)
      .set({ ...profile, updatedAt: new Date() })
      .where(eq(authorities.id, authorityId));
    await recordTrustEvent(tx, {
      actor,
      action: 'authority.profile_update',
      authorityId,
      details: {
        before: Object.fromEntries(changed.map((f) => [f, row[f]])),
        after: Object.fromEntries(changed.map((f) => [f, profile[f]])),
      },
    });
    if (changed.includes('population') || changed.includes('region')) {
      const ids = await tx.select({ id: listings.id }).from(listings).where(eq(listings.authorityId, authorityId));
      if (ids.length)
        await enqueueSearchSync(
          tx,
          ids.map((r) => r.id),
        );
    }
  });
  return readAuthorityProfile(db, authorityId);
}
