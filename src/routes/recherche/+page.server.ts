import { redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import { documentOnly, requireWithinSearchLimit } from '$lib/page-guards';
import { DomainError } from '$lib/server/errors';
import { getServices } from '$lib/server/runtime/services';
import { searchListings } from '$lib/server/search/search-listings';
import { programmeNames } from '$lib/server/cofinancing/programme-names';
import {
  parseSearchQuery,
  searchQueryFromUrl,
  searchQueryParams,
  type SearchInput,
  type SearchQuery,
} from '$lib/server/search/search-query';
import type { PageServerLoad } from './$types';
import { activeFilters, facetOptions, hitView } from '$lib/server/views/search-view';

export const load: PageServerLoad = async (event) => {
  const { url } = event;
  await requireWithinSearchLimit(event);
  documentOnly(event);
  let query: SearchQuery;
  let invalid = false;
  try {
    query = searchQueryFromUrl(url.searchParams);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // A hand-edited or stale link: search without the bad filters rather than fail.
    query = parseSearchQuery({ q: url.searchParams.get('q')?.slice(0, 200) ?? '' });
    invalid = true;
  }
  // The service takes query-string input (it checks it again); a checked query's nulls are not that.
  const params = searchQueryParams(query);
  const input = Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.getAll(k)])) as SearchInput;
  const result = await searchListings(getServices(), input);
  if (query.page > 1 && query.page > result.totalPages) {
    // A page past the last (an old link, fewer results since): the last page, rather than a count above an empty list.
    const last = new URLSearchParams(url.searchParams);
    if (result.totalPages > 1) last.set('page', String(result.totalPages));
    else last.delete('page');
    redirect(303, `${url.pathname}${last.size ? `?${last}` : ''}`);
  }
  const locale = getLocale();
  // Names for the "co-financeable by" facet: the programmes the results fit and the chosen ones (closed ones too,
  // for a chosen programme that closed since).
  const slugs = new Set([...Object.keys(result.facets.cofinancing ?? {}), ...query.cofinancing]);
  const programmes = await programmeNames(getServices().db, [...slugs]);
  const facets = facetOptions(result.facets, query, locale, programmes);
  return {
    query,
    invalid,
    degraded: result.degraded,
    total: result.total,
    page: result.page,
    totalPages: result.totalPages,
    hits: result.hits.map((hit) => hitView(hit, locale)),
    facets,
    filters: activeFilters(facets, result.totalWithout, url),
  };
};
