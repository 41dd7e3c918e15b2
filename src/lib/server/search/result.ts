import type { Facet } from './settings.js';

/** One request in a result list: public fields only, plus HTML-safe highlighted snippets. */
export interface SearchHit {
  id: string;
  title: string;
  summary: string;
  /** HTML: escaped text where matches are wrapped in <mark>. */
  highlight: { title: string; summary: string };
  country: string;
  continent: string | null;
  themes: string[];
  forms: string[];
  authority: { name: string; type: string; region: string | null; population: number | null };
  populationBracket: string | null;
  originalLanguage: string;
  /** Title and summary as translated by the authority, by language (ISO 639-1); plain text. */
  translations: Record<string, { title: string; summary: string }>;
  languages: string[];
  publishedAt: string | null;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Facet → value → number of matching requests. */
  facets: Record<Facet, Record<string, number>>;
  total: number;
  page: number;
  hitsPerPage: number;
  totalPages: number;
  /** True when Meilisearch was unavailable and Postgres full-text search answered instead. */
  degraded: boolean;
}
