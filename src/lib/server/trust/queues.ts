import { and, asc, count, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { Database } from '../db/index.js';
import { authorities, users } from '../db/schema/index.js';
import { Forbidden, InvalidInput, Unauthenticated } from '../errors.js';
import { moderationScope } from '../moderation/perimeter.js';
import { inPerimeter, type Perimeter } from '../permissions/perimeter.js';
import type { MembershipState } from '../permissions/membership.js';
import { registrationAnomalies } from './registration-limits.js';

export const QUEUE_PAGE_SIZE = 50;

export interface QueueFilters {
  page?: number;
  /** pending (default): waiting for a decision; rejected: refused ones, to reconsider. */
  state?: 'pending' | 'rejected';
  country?: string | null;
  /** Part of the person's name or address, or of the authority's name. */
  q?: string | null;
  /** Only people whose address is verified (a flood's accounts rarely are). */
  verifiedOnly?: boolean;
  /** How long ago they registered: a flood is in the last hour; whoever waits more than a week is overdue. */
  age?: QueueAge | null;
}

export const QUEUE_AGES = ['last_hour', 'last_day', 'over_week'] as const;
export type QueueAge = (typeof QUEUE_AGES)[number];

const AGE_CONDITION: Record<QueueAge, SQL> = {
  last_hour: sql`${users.createdAt} > now() - interval '1 hour'`,
  last_day: sql`${users.createdAt} > now() - interval '1 day'`,
  over_week: sql`${users.createdAt} < now() - interval '7 days'`,
};

function checkFilters(filters: QueueFilters) {
  const page = filters.page ?? 1;
  if (!Number.isInteger(page) || page < 1 || page > 100_000)
    throw new InvalidInput('page', 'page must be a whole number from 1.', { reason: 'whole_number' });
  const state: MembershipState = filters.state ?? 'pending';
  if (state !== 'pending' && state !== 'rejected')
    throw new InvalidInput('state', 'state must be pending or rejected.');
  const country = filters.country?.trim().toUpperCase() || null;
  if (country && !/^[A-Z]{2}$/.test(country))
    throw new InvalidInput('country', 'country must be an ISO 3166-1 alpha-2 code such as SN.');
  const q = filters.q?.trim() || null;
  if (q && q.length > 200)
    throw new InvalidInput('q', 'q is at most 200 characters.', { reason: 'max_length', max: 200 });
  const age = filters.age || null;
  if (age && !(QUEUE_AGES as readonly string[]).includes(age))
    throw new InvalidInput('age', `age must be one of ${QUEUE_AGES.join(', ')}.`);
  return { page, state, country, q, verifiedOnly: !!filters.verifiedOnly, age };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The part of an address after the @. */
const domainOf = sql<string>`lower(split_part(${users.email}, '@', 2))`;

async function page(db: Database, where: SQL | undefined, pageNumber: number) {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        user: {
          id: users.id,
          displayName: users.displayName,
          email: users.email,
          jobTitle: users.jobTitle,
          membership: users.membership,
          membershipReason: users.membershipReason,
          emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`,
          createdAt: users.createdAt,
        },
        emailDomain: domainOf,
        authority: {
          id: authorities.id,
          name: authorities.name,
          type: authorities.type,
          country: authorities.country,
          region: authorities.region,
          officialCode: authorities.officialCode,
          website: authorities.website,
          emailDomains: authorities.emailDomains,
          verified: sql<boolean>`${authorities.verifiedAt} is not null`,
          createdAt: authorities.createdAt,
          members: sql<number>`(select count(*)::int from users m where m.authority_id = ${authorities.id} and m.membership = 'approved')`,
        },
      })
      .from(users)
      .innerJoin(authorities, eq(authorities.id, users.authorityId))
      .where(where)
      // Oldest first, so nobody waits forever; a flood piles up behind the genuine requests that came before it.
      .orderBy(asc(users.createdAt), asc(users.id))
      .limit(QUEUE_PAGE_SIZE)
      .offset((pageNumber - 1) * QUEUE_PAGE_SIZE),
    db.select({ n: count() }).from(users).innerJoin(authorities, eq(authorities.id, users.authorityId)).where(where),
  ]);
  const totalCount = Number(total?.n ?? 0);
  return {
    items: rows,
    total: totalCount,
    page: pageNumber,
    pageSize: QUEUE_PAGE_SIZE,
    pages: Math.max(1, Math.ceil(totalCount / QUEUE_PAGE_SIZE)),
  };
}

function textFilter(q: string | null): SQL | undefined {
  if (!q) return undefined;
  const like = `%${escapeLike(q)}%`;
  return or(ilike(users.displayName, like), ilike(users.email, like), ilike(authorities.name, like));
}

/**
 * The correspondent's accounts queue: every person waiting to act for a foreign authority of their countries
 * (new authorities and join requests), complete and paginated, oldest first, with filters; and the countries whose
 * registrations in the last hour look like a flood.
 */
export async function foreignAccountsQueue(
  db: Database,
  config: Config,
  actor: Actor | null,
  filters: QueueFilters = {},
) {
  const scope = moderationScope(actor);
  const f = checkFilters(filters);
  if (f.country && scope !== 'all' && !scope.includes(f.country)) throw new Forbidden(`You do not cover ${f.country}.`);
  const countries: Perimeter = f.country ? [f.country] : scope;
  const where = and(
    eq(authorities.kind, 'foreign'),
    eq(users.role, 'foreign_authority'),
    eq(users.membership, f.state),
    isNull(users.disabledAt),
    inPerimeter(authorities.country, countries),
    f.verifiedOnly ? isNotNull(users.emailVerifiedAt) : undefined,
    f.age ? AGE_CONDITION[f.age] : undefined,
    textFilter(f.q),
  );
  return {
    ...(await page(db, where, f.page)),
    anomalies: await registrationAnomalies(db, config, scope === 'all' ? null : [...scope]),
  };
}

/** The admins' French accounts queue: people waiting to act for a French collectivité, oldest first. */
export async function frenchAccountsQueue(
  db: Database,
  config: Config,
  actor: Actor | null,
  filters: QueueFilters = {},
) {
  if (!actor) throw new Unauthenticated();
  if (actor.role !== 'admin') throw new Forbidden('Only administrators work the French accounts queue.');
  const f = checkFilters(filters);
  const where = and(
    eq(authorities.kind, 'french'),
    eq(users.role, 'french_authority'),
    eq(users.membership, f.state),
    isNull(users.disabledAt),
    f.verifiedOnly ? isNotNull(users.emailVerifiedAt) : undefined,
    f.age ? AGE_CONDITION[f.age] : undefined,
    textFilter(f.q),
  );
  return { ...(await page(db, where, f.page)), anomalies: await registrationAnomalies(db, config, ['FR']) };
}

/** The département of a French collectivité, from its INSEE code (communes) or its own code (départements). */
export function departementOf(authority: { type: string; officialCode: string | null }): string | null {
  const code = authority.officialCode;
  if (!code) return null;
  if (authority.type === 'departement') return code;
  if (authority.type === 'commune' && /^\d[\dAB]\d{3}$/.test(code))
    return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
  return null;
}
