import {
  CONTINENTS,
  FOREIGN_TYPE_CODES,
  FORM_CODES,
  isContinentCode,
  isCountryCode,
  isFormCode,
  isLanguageCode,
  isThemeCode,
  POPULATION_BRACKET_CODES,
} from '../../reference/index.js';
import { MAX_PROGRAMME_SLUG_LENGTH, PROGRAMME_SLUG } from '../cofinancing/search-facet.js';
import { InvalidInput } from '../errors.js';
import { MAX_TOTAL_HITS } from './settings.js';

export const SORTS = ['relevance', 'newest', 'population_asc', 'population_desc'] as const;
export type Sort = (typeof SORTS)[number];
export const MAX_HITS_PER_PAGE = 50;
export const MAX_QUERY_LENGTH = 200;
export const MAX_COFINANCING_VALUES = 30;
const THEME_HINT = 'a theme code such as water_sanitation';

/** A search whose every value was checked against the reference data: only these reach a filter. */
export interface SearchQuery {
  q: string;
  countries: string[];
  continent: string | null;
  themes: string[];
  form: string | null;
  authorityType: string | null;
  population: string | null;
  language: string | null;
  /** Slugs of co-financing programmes: requests any of them may co-finance. */
  cofinancing: string[];
  sort: Sort;
  page: number;
  hitsPerPage: number;
}

/** What a query string gives: repeated keys as arrays, everything as text (or already coerced by the API). */
export type SearchInput = Partial<
  Record<keyof SearchQuery | 'country' | 'theme', string | number | null | Array<string | number>>
>;

const list = (value: SearchInput[keyof SearchInput]): string[] =>
  value === undefined || value === null
    ? []
    : (Array.isArray(value) ? value : [value]).map(String).filter((v) => v !== '');

function one(input: SearchInput, field: keyof SearchInput): string | null {
  const values = list(input[field]);
  if (values.length > 1) throw new InvalidInput(field, `${field} may be given once`);
  return values[0] ?? null;
}

function checked(
  field: keyof SearchInput,
  value: string | null,
  valid: (v: string) => boolean,
  expected: string,
): string | null {
  if (value !== null && !valid(value)) throw new InvalidInput(field, `${field} must be ${expected}`);
  return value;
}

function integer(input: SearchInput, field: 'page' | 'hitsPerPage', fallback: number, max: number): number {
  const raw = one(input, field);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max)
    throw new InvalidInput(field, `${field} must be an integer from 1 to ${max}`, { reason: 'whole_number' });
  return Number(raw);
}

/** Checks a search against the reference data; throws InvalidInput naming the first bad field. */
export function parseSearchQuery(input: SearchInput): SearchQuery {
  const q = (one(input, 'q') ?? '').trim();
  if (q.length > MAX_QUERY_LENGTH)
    throw new InvalidInput('q', `q must be at most ${MAX_QUERY_LENGTH} characters`, {
      reason: 'max_length',
      max: MAX_QUERY_LENGTH,
    });
  const countries = [...new Set(list(input.country ?? input.countries))];
  for (const c of countries) checked('country', c, isCountryCode, 'an ISO 3166-1 alpha-2 country code such as SN');
  if (countries.length > 50) throw new InvalidInput('country', 'at most 50 countries');
  const themes = [...new Set(list(input.theme ?? input.themes))];
  for (const t of themes) checked('theme', t, isThemeCode, `one of: ${THEME_HINT}`);
  const cofinancing = [...new Set(list(input.cofinancing))];
  for (const slug of cofinancing) {
    if (slug.length > MAX_PROGRAMME_SLUG_LENGTH || !PROGRAMME_SLUG.test(slug))
      throw new InvalidInput('cofinancing', 'cofinancing must be a co-financing programme slug such as afd-ficol');
  }
  if (cofinancing.length > MAX_COFINANCING_VALUES)
    throw new InvalidInput('cofinancing', `at most ${MAX_COFINANCING_VALUES} co-financing programmes`);
  const sort = (one(input, 'sort') ?? 'relevance') as Sort;
  if (!SORTS.includes(sort)) throw new InvalidInput('sort', `sort must be one of: ${SORTS.join(', ')}`);
  const hitsPerPage = integer(input, 'hitsPerPage', 20, MAX_HITS_PER_PAGE);
  const page = integer(input, 'page', 1, MAX_TOTAL_HITS);
  if (page * hitsPerPage > MAX_TOTAL_HITS) {
    throw new InvalidInput(
      'page',
      `results stop at ${MAX_TOTAL_HITS}: page × hitsPerPage must not exceed it; refine the search instead`,
    );
  }
  return {
    q,
    countries,
    continent: checked(
      'continent',
      one(input, 'continent'),
      isContinentCode,
      `one of: ${CONTINENTS.map((c) => c.code).join(', ')}`,
    ),
    themes,
    form: checked('form', one(input, 'form'), isFormCode, `one of: ${FORM_CODES.join(', ')}`),
    authorityType: checked(
      'authorityType',
      one(input, 'authorityType'),
      (v) => FOREIGN_TYPE_CODES.includes(v),
      `one of: ${FOREIGN_TYPE_CODES.join(', ')}`,
    ),
    population: checked(
      'population',
      one(input, 'population'),
      (v) => POPULATION_BRACKET_CODES.includes(v),
      `one of: ${POPULATION_BRACKET_CODES.join(', ')}`,
    ),
    language: checked('language', one(input, 'language'), isLanguageCode, 'an ISO 639-1 code from the language list'),
    cofinancing,
    sort,
    page,
    hitsPerPage,
  };
}

/** The search as URL parameters (the page's links and the API's query string take the same names). */
export function searchQueryParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const c of query.countries) params.append('country', c);
  for (const t of query.themes) params.append('theme', t);
  for (const slug of query.cofinancing) params.append('cofinancing', slug);
  for (const key of ['continent', 'form', 'authorityType', 'population', 'language'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.sort !== 'relevance') params.set('sort', query.sort);
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.hitsPerPage !== 20) params.set('hitsPerPage', String(query.hitsPerPage));
  return params;
}

/** Reads a search from a page URL. */
export const searchQueryFromUrl = (params: URLSearchParams): SearchQuery =>
  parseSearchQuery(Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.getAll(k)])) as SearchInput);
