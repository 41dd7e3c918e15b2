import type { Meilisearch, SearchParams, SearchResponse } from 'meilisearch';
import type { ListingDocument } from './document.js';
import { meiliFilter } from './filter.js';
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
  'id', 'title', 'summary', 'country', 'continent', 'themes', 'forms', 'authorityName', 'authorityType', 'region',
  'population', 'populationBracket', 'originalLanguage', 'languages', 'publishedAt', 'translatedHeadlines',
] satisfies Array<keyof ListingDocument>;

type Retrieved = Pick<ListingDocument, (typeof RETRIEVED)[number]>;

export function toHit(doc: Retrieved, formatted: { title?: string; summary?: string } = {}): SearchHit {
  return {
    id: doc.id,
    title: doc.title,
    summary: doc.summary,
    highlight: { title: markedToHtml(formatted.title ?? doc.title), summary: markedToHtml(formatted.summary ?? doc.summary) },
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

/** The Meilisearch request for a checked search (the benchmark sends the very same one to Meilisearch directly). */
export function meiliSearchParams(query: SearchQuery) {
  return {
    q: query.q,
    filter: meiliFilter(query),
    facets: [...FACETS],
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

/** Runs a checked search on Meilisearch; throws if it does not answer within timeoutMs. */
export async function searchMeilisearch(meili: Meilisearch, indexUid: string, query: SearchQuery, timeoutMs: number): Promise<SearchResult> {
  const response = await postJson<SearchResponse<ListingDocument, { page: number; hitsPerPage: number }>>(
    meili,
    `indexes/${encodeURIComponent(indexUid)}/search`,
    meiliSearchParams(query),
    timeoutMs,
  );
  return {
    hits: response.hits.map((hit) => toHit(hit, hit._formatted as { title?: string; summary?: string })),
    facets: { ...emptyFacets(), ...(response.facetDistribution as Record<Facet, Record<string, number>> | undefined) },
    total: response.totalHits,
    page: response.page,
    hitsPerPage: response.hitsPerPage,
    totalPages: response.totalPages,
    degraded: false,
  };
}
