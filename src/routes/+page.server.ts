import { countryName, THEMES } from '$lib/reference';
import { getLocale } from '$lib/i18n';
import { documentOnly } from '$lib/page-guards';
import { worldShapes } from '$lib/server/map/world-map';
import { getServices } from '$lib/server/runtime/services';
import { readKeyFigures, readOpenListingsByCountry } from '$lib/server/statistics/statistics';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  documentOnly(event);
  const { sql } = getServices();
  const [figures, byCountry] = await Promise.all([readKeyFigures(sql), readOpenListingsByCountry(sql)]);
  const locale = getLocale();
  const { viewBox, countries } = worldShapes();
  return {
    figures,
    map: { viewBox, countries: countries.map((c) => ({ ...c, count: c.code ? (byCountry[c.code] ?? 0) : 0 })) },
    countriesWithRequests: Object.entries(byCountry)
      .map(([code, count]) => ({ code, name: countryName(code, locale), count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, locale)),
    themes: THEMES.map((t) => ({ code: t.code, name: t.name[locale] })),
  };
};
