import {
  CONTINENTS,
  COOPERATION_FORMS,
  countryLabel,
  countryName,
  findTheme,
  FOREIGN_AUTHORITY_TYPES,
  LANGUAGES,
  POPULATION_BRACKETS,
  THEMES,
  type Label,
  type Locale,
} from '$lib/reference';
import { formatDate, formatNumber } from '$lib/i18n';
import { escapeHtml } from '$lib/server/search/highlight';
import { languageName, translationFor } from './listing-view';
import type { SearchHit, SearchResult } from '$lib/server/search/result';
import { searchQueryFromUrl, type SearchQuery } from '$lib/server/search/search-query';
import type { Facet } from '$lib/server/search/settings';

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

const typeName = (code: string, locale: Locale) =>
  FOREIGN_AUTHORITY_TYPES.find((t) => t.code === code)?.name[locale] ?? code;

/**
 * A result as the page shows it: labels resolved on the server so the browser never loads the reference data, and
 * the date and population formatted there too (the browser's first Intl.DateTimeFormat costs 50–100 ms of main
 * thread, at hydration: issue #18). A
 * reader of another language than the original gets the authority's translation when there is one (labelled; the
 * highlights only exist for the original).
 */
export function hitView(hit: SearchHit, locale: Locale) {
  const translation = translationFor(hit.originalLanguage, hit.translations, locale);
  return {
    id: hit.id,
    titleHtml: translation ? escapeHtml(translation.title) : hit.highlight.title,
    summaryHtml: translation ? escapeHtml(translation.summary) : hit.highlight.summary,
    textLanguage: translation ? locale : hit.originalLanguage,
    translated: translation !== undefined,
    country: countryName(hit.country, locale),
    themes: hit.themes.map((t) => findTheme(t)?.name[locale] ?? t),
    authority: hit.authority.name,
    authorityType: typeName(hit.authority.type, locale),
    region: hit.authority.region,
    population: hit.authority.population ? formatNumber(hit.authority.population, locale) : null,
    language: languageName(hit.originalLanguage, locale),
    published: hit.publishedAt ? formatDate(hit.publishedAt, locale) : null,
  };
}

function options(
  all: ReadonlyArray<{ code: string; name: Label }>,
  counts: Record<string, number> | undefined,
  selected: Array<string | null>,
  locale: Locale,
  onlyPresent = false,
): FacetOption[] {
  return all
    .map((o) => ({
      value: o.code,
      label: o.name[locale],
      count: counts?.[o.code] ?? 0,
      selected: selected.includes(o.code),
    }))
    .filter((o) => !onlyPresent || o.count > 0 || o.selected);
}

const collators = new Map<Locale, Intl.Collator>();
/** `localeCompare(…, locale)` builds a collator on every comparison; sorting the country facet made ~200 of them. */
function collator(locale: Locale): Intl.Collator {
  let found = collators.get(locale);
  if (!found) collators.set(locale, (found = new Intl.Collator(locale)));
  return found;
}

/** A co-financing programme as the facet names it (programme names are French proper names: not translated). */
export interface ProgrammeName {
  slug: string;
  name: string;
}

/**
 * The "co-financeable by …" options: programmes some result fits (or chosen), most results first. A chosen slug
 * unknown to the catalogue (deleted since the link was made) is shown by its slug so it can be removed.
 */
function cofinancingOptions(
  counts: Record<string, number> | undefined,
  selected: string[],
  programmes: readonly ProgrammeName[],
  locale: Locale,
): FacetOption[] {
  const names = new Map(programmes.map((p) => [p.slug, p.name]));
  const slugs = new Set([...Object.keys(counts ?? {}), ...selected]);
  return [...slugs]
    .map((slug) => ({
      value: slug,
      label: names.get(slug) ?? slug,
      count: counts?.[slug] ?? 0,
      selected: selected.includes(slug),
    }))
    .sort((a, b) => b.count - a.count || collator(locale).compare(a.label, b.label));
}

export function facetOptions(
  facets: SearchResult['facets'],
  query: SearchQuery,
  locale: Locale,
  programmes: readonly ProgrammeName[] = [],
) {
  const countryCodes = new Set([...Object.keys(facets.country ?? {}), ...query.countries]);
  const countries = [...countryCodes].map((code) => ({ code, name: countryLabel(code) }));
  const byLabel = (a: FacetOption, b: FacetOption) => collator(locale).compare(a.label, b.label);
  return {
    country: options(countries, facets.country, query.countries, locale).sort(byLabel),
    theme: options(THEMES, facets.themes, query.themes, locale, true),
    continent: options(
      CONTINENTS.filter((c) => c.code !== 'AN'),
      facets.continent,
      [query.continent],
      locale,
    ),
    form: options(COOPERATION_FORMS, facets.forms, [query.form], locale),
    authorityType: options(FOREIGN_AUTHORITY_TYPES, facets.authorityType, [query.authorityType], locale),
    population: options(POPULATION_BRACKETS, facets.populationBracket, [query.population], locale),
    language: options(LANGUAGES, facets.languages, [query.language], locale, true),
    cofinancing: cofinancingOptions(facets.cofinancing, query.cofinancing, programmes, locale),
  };
}
/** The page's facet names (also its query-string keys) and the search facet each filters. */
const FACET_OF = {
  country: 'country',
  theme: 'themes',
  continent: 'continent',
  form: 'forms',
  authorityType: 'authorityType',
  population: 'populationBracket',
  language: 'languages',
  cofinancing: 'cofinancing',
} as const satisfies Record<keyof ReturnType<typeof facetOptions>, Facet>;

/**
 * The filters a search applies, one chip per chosen value with the link that removes it, and per facet the link
 * that removes the whole facet with how many results that would give (to widen a search that found nothing).
 */
export function activeFilters(
  facets: ReturnType<typeof facetOptions>,
  totalWithout: SearchResult['totalWithout'],
  url: URL,
) {
  const without = (name: string, value?: string) => {
    const params = new URLSearchParams(url.searchParams);
    params.delete('page');
    params.delete(name, value);
    return `${url.pathname}${params.size ? `?${params}` : ''}`;
  };
  return (Object.keys(FACET_OF) as Array<keyof typeof FACET_OF>)
    .map((name) => ({ name, chosen: facets[name].filter((o) => o.selected) }))
    .filter(({ chosen }) => chosen.length > 0)
    .map(({ name, chosen }) => ({
      name,
      values: chosen.map((o) => ({ value: o.value, label: o.label, removeHref: without(name, o.value) })),
      removeHref: without(name),
      totalWithout: totalWithout[FACET_OF[name]] ?? null,
    }));
}
export type ActiveFilter = ReturnType<typeof activeFilters>[number];
export type HitView = ReturnType<typeof hitView>;

/**
 * A search said in words, in the reader's language: `[{ label: 'Pays', values: ['Sénégal', 'Maroc'] }, …]`, for
 * saved searches and alerts (never "q=eau+potable&continent=SA"). A link whose values are no longer valid says so.
 */
export function searchInWords(
  query: string,
  locale: Locale,
  labels: Record<'q' | keyof ReturnType<typeof facetOptions>, string>,
  programmes: readonly ProgrammeName[] = [],
) {
  let checked: SearchQuery;
  try {
    checked = searchQueryFromUrl(new URLSearchParams(query));
  } catch {
    return null;
  }
  const name = (list: ReadonlyArray<{ code: string; name: Label }>, code: string | null) =>
    code ? [list.find((x) => x.code === code)?.name[locale] ?? code] : [];
  const criteria = [
    {
      label: labels.q,
      values: checked.q
        ? [locale === 'fr' ? `« ${checked.q} »` : locale === 'es' ? `«${checked.q}»` : `“${checked.q}”`]
        : [],
    },
    { label: labels.country, values: checked.countries.map((c) => countryName(c, locale)) },
    { label: labels.continent, values: name(CONTINENTS, checked.continent) },
    { label: labels.theme, values: checked.themes.map((t) => findTheme(t)?.name[locale] ?? t) },
    { label: labels.form, values: name(COOPERATION_FORMS, checked.form) },
    { label: labels.authorityType, values: name(FOREIGN_AUTHORITY_TYPES, checked.authorityType) },
    { label: labels.population, values: name(POPULATION_BRACKETS, checked.population) },
    { label: labels.language, values: name(LANGUAGES, checked.language) },
    {
      label: labels.cofinancing,
      values: checked.cofinancing.map((slug) => programmes.find((p) => p.slug === slug)?.name ?? slug),
    },
  ];
  return criteria.filter((c) => c.values.length > 0);
}
