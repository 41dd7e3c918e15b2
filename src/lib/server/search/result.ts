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
  /**
   * Facet → value → number of matching requests. A facet the search filters by is counted with every other filter
   * but not its own, so its values read as "how many with this value too".
   */
  facets: Record<Facet, Record<string, number>>;
  total: number;
  /** For each facet the search filters by: how many results there would be without that filter. */
  totalWithout: Partial<Record<Facet, number>>;
  page: number;
  hitsPerPage: number;
  totalPages: number;
  /** True when Meilisearch was unavailable and Postgres full-text search answered instead. */
  degraded: boolean;
}
