import type { Meilisearch, SearchParams, SearchResponse } from 'meilisearch';
import { foldArabic } from './arabic.js';
import type { ListingDocument } from './document.js';
import { activeFacets, meiliFilter } from './filter.js';
import { MARK_END, MARK_START, markedToHtml } from './highlight.js';
import { postJson } from './meili-http.js';
import type { SearchHit, SearchResult } from './result.js';
import type { SearchQuery, Sort } from './search-query.js';
import { FACETS, type Facet } from './settings.js';

const SORT: Record<Sort, string[] | undefined> = {
  relevance: undefined,
  newest: ['publishedAt:desc'],
  population_asc: ['population:asc'],
  population_desc: ['population:desc'],
};

const RETRIEVED = [
  'id',
  'title',
  'summary',
  'country',
  'continent',
  'themes',
  'forms',
  'authorityName',
  'authorityType',
  'region',
  'population',
  'populationBracket',
  'originalLanguage',
  'languages',
  'publishedAt',
  'translatedHeadlines',
] satisfies Array<keyof ListingDocument>;

type Retrieved = Pick<ListingDocument, (typeof RETRIEVED)[number]>;

export function toHit(doc: Retrieved, formatted: { title?: string; summary?: string } = {}): SearchHit {
  return {
    id: doc.id,
    title: doc.title,
    summary: doc.summary,
    highlight: {
      title: markedToHtml(formatted.title ?? doc.title),
      summary: markedToHtml(formatted.summary ?? doc.summary),
    },
    country: doc.country,
    continent: doc.continent,
    themes: doc.themes,
    forms: doc.forms,
    authority: { name: doc.authorityName, type: doc.authorityType, region: doc.region, population: doc.population },
    populationBracket: doc.populationBracket,
    originalLanguage: doc.originalLanguage,
    // Documents indexed before this field existed have none until the next sync or reindex.
    translations: doc.translatedHeadlines ?? {},
    languages: doc.languages,
    publishedAt: doc.publishedAt === null ? null : new Date(doc.publishedAt * 1000).toISOString(),
  };
}

export const emptyFacets = (): Record<Facet, Record<string, number>> =>
  Object.fromEntries(FACETS.map((f) => [f, {}])) as Record<Facet, Record<string, number>>;

/** The Meilisearch query that finds a checked search's hits, and counts the facets it does not filter by. */
export function meiliSearchParams(query: SearchQuery) {
  const active = activeFacets(query);
  return {
    q: foldArabic(query.q),
    filter: meiliFilter(query),
    facets: FACETS.filter((f) => !active.includes(f)),
    sort: SORT[query.sort],
    page: query.page,
    hitsPerPage: query.hitsPerPage,
    attributesToRetrieve: RETRIEVED,
    attributesToHighlight: ['title', 'summary'],
    attributesToCrop: ['summary'],
    cropLength: 40,
    cropMarker: '…',
    highlightPreTag: MARK_START,
    highlightPostTag: MARK_END,
  } satisfies SearchParams & { q: string };
}

/**
 * The whole request for a checked search (the benchmark sends the very same one to Meilisearch directly). With no
 * filter, one search. With filters, one multi-search: the hits, plus per filtered facet one count-only query with
 * every filter but that facet's (disjunctive faceting: ticking Peru next to Colombia adds Peru's count).
 */
export function meiliSearchRequest(indexUid: string, query: SearchQuery): { path: string; body: object } {
  const main = meiliSearchParams(query);
  const active = activeFacets(query);
  if (active.length === 0) return { path: `indexes/${encodeURIComponent(indexUid)}/search`, body: main };
  return {
    path: 'multi-search',
    body: {
      queries: [
        { indexUid, ...main },
        ...active.map((facet) => ({
          indexUid,
          q: foldArabic(query.q),
          filter: meiliFilter(query, facet),
          facets: [facet],
          page: 1,
          hitsPerPage: 0,
        })),
      ],
    },
  };
}

type Response = SearchResponse<ListingDocument, { page: number; hitsPerPage: number }>;

/** Runs a checked search on Meilisearch; throws if it does not answer within timeoutMs. */
export async function searchMeilisearch(
  meili: Meilisearch,
  indexUid: string,
  query: SearchQuery,
  timeoutMs: number,
): Promise<SearchResult> {
  const request = meiliSearchRequest(indexUid, query);
  const answer = await postJson<Response | { results: Response[] }>(meili, request.path, request.body, timeoutMs);
  const [response, ...perFacet] = 'results' in answer ? answer.results : [answer];
  const facets = {
    ...emptyFacets(),
    ...(response!.facetDistribution as Record<Facet, Record<string, number>> | undefined),
  };
  const totalWithout: Partial<Record<Facet, number>> = {};
  activeFacets(query).forEach((facet, i) => {
    facets[facet] = (perFacet[i]!.facetDistribution?.[facet] as Record<string, number> | undefined) ?? {};
    totalWithout[facet] = perFacet[i]!.totalHits;
  });
  return {
    hits: response!.hits.map((hit) => toHit(hit, hit._formatted as { title?: string; summary?: string })),
    facets,
    total: response!.totalHits,
    totalWithout,
    page: response!.page,
    hitsPerPage: response!.hitsPerPage,
    totalPages: response!.totalPages,
    degraded: false,
  };
}
