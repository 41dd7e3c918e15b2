import { pageError } from '$lib/i18n/form-error.server';
import { countryName, findTheme } from '$lib/reference';
import { getServices } from '$lib/server/runtime/services';
import { readStatistics, type StatisticsRow } from '$lib/server/statistics/statistics';
import type { PageServerLoad } from './$types';

const OPEN = ['published', 'in_discussion'];
const MATCHED = ['matched', 'closed'];
const sum = (row: StatisticsRow, states: string[]) => states.reduce((n, s) => n + (row.byStatus[s] ?? 0), 0);

export const load: PageServerLoad = async ({ locals }) => {
  const stats = await readStatistics(getServices().sql, locals.actor).catch(pageError);
  const view = (name: (key: string) => string) => (row: StatisticsRow) => ({
    key: row.key,
    name: name(row.key),
    total: row.total,
    open: sum(row, OPEN),
    waiting: row.byStatus.submitted ?? 0,
    matched: sum(row, MATCHED),
    median: row.medianModerationHours,
  });
  return {
    median: stats.medianModerationHours,
    byCountry: stats.byCountry.map(view((k) => countryName(k, locals.locale))),
    byTheme: stats.byTheme.map(view((k) => findTheme(k)?.name[locals.locale] ?? k)),
    monthly: stats.monthly,
  };
};
