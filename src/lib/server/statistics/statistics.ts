import type postgres from 'postgres';
import type { Actor } from '../auth/actor.js';
import { Forbidden } from '../errors.js';
import type { Sql } from '../db/index.js';
import { EVER_PUBLISHED_STATUSES, MATCHED_STATUSES, SEARCHABLE_STATUSES } from '../db/schema/index.js';
import { partnershipFigures } from '../partnerships/figures.js';
import { perimeter } from '../permissions/perimeter.js';

export interface StatisticsRow {
  key: string;
  byStatus: Record<string, number>;
  total: number;
  medianModerationHours: number | null;
  /** Matched (or closed after a match) over everything ever published. */
  matchRate: number | null;
}

export interface Statistics {
  scope: string[] | 'all';
  generatedAt: string;
  byCountry: StatisticsRow[];
  byTheme: StatisticsRow[];
  monthly: Array<{ month: string; submitted: number; published: number; matched: number }>;
  medianModerationHours: number | null;
}

/** Correspondents read their countries, admins everything; nobody else. */
export function statisticsScope(actor: Actor | null): string[] | 'all' {
  const scope = perimeter(actor);
  if (scope === 'all') return 'all';
  if (scope) return [...scope];
  throw new Forbidden('Statistics are for embassy correspondents and the ministry.');
}

function rows(
  counts: Array<{ key: string; status: string; n: number }>,
  medians: Array<{ key: string; hours: number | null }>,
): StatisticsRow[] {
  const byKey = new Map<string, StatisticsRow>();
  for (const { key, status, n } of counts) {
    const row = byKey.get(key) ?? { key, byStatus: {}, total: 0, medianModerationHours: null, matchRate: null };
    row.byStatus[status] = n;
    row.total += n;
    byKey.set(key, row);
  }
  for (const { key, hours } of medians) {
    const row = byKey.get(key);
    if (row) row.medianModerationHours = hours === null ? null : Math.round(hours * 10) / 10;
  }
  for (const row of byKey.values()) {
    const published = EVER_PUBLISHED_STATUSES.reduce((sum, s) => sum + (row.byStatus[s] ?? 0), 0);
    const matched = MATCHED_STATUSES.reduce((sum, s) => sum + (row.byStatus[s] ?? 0), 0);
    row.matchRate = published ? Math.round((matched / published) * 1000) / 1000 : null;
  }
  return [...byKey.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}

/** Each submission paired with the moderator's decision that followed it, in hours (a subquery). */
function decisionDurations(sql: Sql, inScope: postgres.Fragment) {
  return sql`
    select l.country, l.themes, extract(epoch from (d.created_at - s.created_at)) / 3600.0 as hours
    from moderation_events s
    join listings l on l.id = s.listing_id
    join lateral (
      select e.created_at from moderation_events e
      where e.listing_id = s.listing_id and e.id > s.id and e.from_status = 'submitted' order by e.id limit 1
    ) d on true
    where s.to_status = 'submitted' and ${inScope}`;
}

/**
 * Requests by state per country and per theme, median time from submission to the moderator's decision,
 * match rate, and a monthly series — restricted to the countries the reader may see.
 */
export async function readStatistics(sql: Sql, actor: Actor | null, now = new Date()): Promise<Statistics> {
  const scope = statisticsScope(actor);
  const countries = scope === 'all' ? null : scope;
  const inScope = countries ? sql`l.country = any(${countries}::text[])` : sql`true`;
  const byCountry = await sql<{ key: string; status: string; n: number }[]>`
    select l.country as key, l.status::text as status, count(*)::int as n from listings l where ${inScope} group by 1, 2`;
  const byTheme = await sql<{ key: string; status: string; n: number }[]>`
    select t.theme as key, l.status::text as status, count(*)::int as n
    from listings l cross join lateral unnest(l.themes) as t(theme) where ${inScope} group by 1, 2`;
  const decisions = decisionDurations(sql, inScope);
  const countryMedians = await sql<{ key: string; hours: number | null }[]>`
    select country as key, percentile_cont(0.5) within group (order by hours)::float8 as hours from (${decisions}) x group by 1`;
  const themeMedians = await sql<{ key: string; hours: number | null }[]>`
    select t.theme as key, percentile_cont(0.5) within group (order by hours)::float8 as hours
    from (${decisions}) x cross join lateral unnest(x.themes) as t(theme) group by 1`;
  const [overall] = await sql<{ hours: number | null }[]>`
    select percentile_cont(0.5) within group (order by hours)::float8 as hours from (${decisions}) x`;
  const monthly = await sql<{ month: string; submitted: number; published: number; matched: number }[]>`
    select to_char(date_trunc('month', e.created_at), 'YYYY-MM') as month,
      count(*) filter (where e.to_status = 'submitted')::int as submitted,
      count(*) filter (where e.to_status = 'published' and e.from_status = 'submitted')::int as published,
      count(*) filter (where e.to_status = 'matched')::int as matched
    from moderation_events e join listings l on l.id = e.listing_id
    where ${inScope} and e.created_at > ${new Date(now.getTime() - 366 * 24 * 3600 * 1000).toISOString()}::timestamptz
    group by 1 order by 1`;
  return {
    scope,
    generatedAt: now.toISOString(),
    byCountry: rows(byCountry, countryMedians),
    byTheme: rows(byTheme, themeMedians),
    monthly: [...monthly],
    medianModerationHours: overall?.hours == null ? null : Math.round(overall.hours * 10) / 10,
  };
}

export interface KeyFigures {
  openListings: number;
  foreignAuthorities: number;
  countries: number;
  frenchAuthorities: number;
  partnerships: number;
  medianModerationHours: number | null;
}

/** The public figures of the home page: only counts, nothing personal. */
export async function readKeyFigures(sql: Sql): Promise<KeyFigures> {
  const [row] = await sql<Omit<KeyFigures, 'medianModerationHours' | 'partnerships'>[]>`
    select
      (select count(*)::int from listings where status::text = any(${[...SEARCHABLE_STATUSES]}::text[])) as "openListings",
      (select count(distinct authority_id)::int from listings where status::text = any(${[...SEARCHABLE_STATUSES]}::text[])) as "foreignAuthorities",
      (select count(distinct country)::int from listings where status::text = any(${[...SEARCHABLE_STATUSES]}::text[])) as "countries",
      (select count(distinct u.authority_id)::int from users u where u.role = 'french_authority' and u.authority_id is not null and u.membership = 'approved') as "frenchAuthorities"`;
  const [median] = await sql<{ hours: number | null }[]>`
    select percentile_cont(0.5) within group (order by hours)::float8 as hours from (${decisionDurations(sql, sql`true`)}) x`;
  const { confirmed: partnerships } = await partnershipFigures(sql);
  return {
    ...row!,
    partnerships,
    medianModerationHours: median?.hours == null ? null : Math.round(median.hours * 10) / 10,
  };
}

/** Per-country open requests, for the map. */
export async function readOpenListingsByCountry(sql: Sql): Promise<Record<string, number>> {
  const rows = await sql<{ country: string; n: number }[]>`
    select country, count(*)::int as n from listings where status::text = any(${[...SEARCHABLE_STATUSES]}::text[]) group by 1`;
  return Object.fromEntries(rows.map((r) => [r.country, r.n]));
}
