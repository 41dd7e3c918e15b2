import { requireRole } from '$lib/page-guards';
import { pageError } from '$lib/i18n/form-error.server';
import { countryName, findTheme } from '$lib/reference';
import { MATCHED_STATUSES, SEARCHABLE_STATUSES } from '$lib/server/db/schema';
import { partnershipFigures } from '$lib/server/partnerships/figures';
import { getServices } from '$lib/server/runtime/services';
import { readStatistics, type StatisticsRow } from '$lib/server/statistics/statistics';
import type { PageServerLoad } from './$types';

const sum = (row: StatisticsRow, states: readonly string[]) => states.reduce((n, s) => n + (row.byStatus[s] ?? 0), 0);

/** Correspondents see their countries, the delegation everything (the domain service decides). */
export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireRole(locals, url, ['admin', 'correspondent']);
  const stats = await readStatistics(getServices().sql, actor).catch(pageError);
  const partnerships = await partnershipFigures(getServices().sql, stats.scope);
  const view = (name: (key: string) => string) => (row: StatisticsRow) => ({
    key: row.key,
    name: name(row.key),
    total: row.total,
    open: sum(row, SEARCHABLE_STATUSES),
    waiting: row.byStatus.submitted ?? 0,
    matched: sum(row, MATCHED_STATUSES),
    median: row.medianModerationHours,
    matchRate: row.matchRate,
  });
  return {
    scope: stats.scope,
    median: stats.medianModerationHours,
    byCountry: stats.byCountry.map(view((k) => countryName(k, locals.locale))),
    byTheme: stats.byTheme.map(view((k) => findTheme(k)?.name[locals.locale] ?? k)),
    monthly: stats.monthly,
    partnerships: {
      confirmed: partnerships.confirmed,
      frenchAuthorities: partnerships.frenchAuthorities,
      byCountry: Object.entries(partnerships.byCountry)
        .map(([code, count]) => ({ code, name: countryName(code, locals.locale), count }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, locals.locale)),
    },
  };
};
