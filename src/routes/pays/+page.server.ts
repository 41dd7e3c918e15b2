import { CONTINENTS, countryName, findCountry } from '$lib/reference';
import { getLocale } from '$lib/i18n';
import { getServices } from '$lib/server/runtime/services';
import { readOpenListingsByCountry } from '$lib/server/statistics/statistics';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const byCountry = await readOpenListingsByCountry(getServices().sql);
  const locale = getLocale();
  const countries = Object.entries(byCountry).map(([code, count]) => ({
    code,
    count,
    name: countryName(code, locale),
    continent: findCountry(code)?.continent,
  }));
  return {
    continents: CONTINENTS.map((c) => ({
      code: c.code,
      name: c.name[locale],
      countries: countries.filter((x) => x.continent === c.code).sort((a, b) => a.name.localeCompare(b.name, locale)),
    })).filter((c) => c.countries.length > 0),
  };
};
