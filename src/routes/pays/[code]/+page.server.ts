import { error } from '@sveltejs/kit';
import { hitView } from '$lib/server/views/search-view';
import { getLocale, m } from '$lib/i18n';
import { CONTINENTS, countryName, findCountry, findTheme, frenchCountryForms } from '$lib/reference';
import { getServices } from '$lib/server/runtime/services';
import { searchListings } from '$lib/server/search/search-listings';
import { partnershipFigures } from '$lib/server/partnerships/figures';
import { frenchPresenceIn } from '$lib/server/partnerships/presence';
import { openCallsFor } from '$lib/server/cofinancing/paths';
import { formatDate } from '$lib/i18n';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const code = params.code.toUpperCase();
  const country = findCountry(code);
  if (!country) error(404, m.error_not_found());
  const locale = getLocale();
  const [result, presence, calls, figures] = await Promise.all([
    searchListings(getServices(), { country: code, sort: 'newest', hitsPerPage: '50' }),
    frenchPresenceIn(getServices().db, code),
    openCallsFor(getServices().db, code),
    partnershipFigures(getServices().sql, [code]),
  ]);
  return {
    code,
    name: countryName(code, locale),
    // In a French sentence the country takes its article: "Coopérer avec la Colombie", "… avec les Comores".
    inSentence: locale === 'fr' ? frenchCountryForms(code).definite : countryName(code, locale),
    continent: CONTINENTS.find((c) => c.code === country.continent)?.name[locale] ?? '',
    total: result.total,
    calls: calls.map((c) => ({
      id: c.id,
      name: c.name,
      funder: c.funder,
      url: c.officialUrl,
      rate: c.maxRatePercent,
      closesOn: c.closesOn ? formatDate(c.closesOn, locale) : null,
      datesToConfirm: c.datesToConfirm,
    })),
    partnerships: figures.byCountry[code] ?? 0,
    presence: presence.map((p) => ({ id: p.authorityId, name: p.name, region: p.region, partners: p.partners })),
    hits: result.hits.map((h) => hitView(h, locale)),
    themes: Object.entries(result.facets.themes ?? {})
      .map(([theme, count]) => ({ code: theme, name: findTheme(theme)?.name[locale] ?? theme, count }))
      .sort((a, b) => b.count - a.count),
  };
};
