import type { SearchQuery } from './search-query.js';
import type { Facet } from './settings.js';

/** Reference codes are letters, digits, "_" and "-": anything else means a value skipped validation. */
const SAFE = /^[A-Za-z0-9_-]+$/;

function quoted(value: string): string {
  if (!SAFE.test(value))
    throw new Error(`refusing to put an unchecked value into a search filter: ${JSON.stringify(value)}`);
  return `"${value}"`;
}

const anyOf = (attribute: string, values: string[]) => `${attribute} IN [${values.map(quoted).join(', ')}]`;

/** The values a search filters each facet by (empty: that facet does not filter). */
export function facetSelections(query: SearchQuery): Record<Facet, string[]> {
  const one = (value: string | null) => (value ? [value] : []);
  return {
    country: query.countries,
    continent: one(query.continent),
    themes: query.themes,
    forms: one(query.form),
    authorityType: one(query.authorityType),
    populationBracket: one(query.population),
    languages: one(query.language),
    cofinancing: query.cofinancing,
  };
}

/** The facets a search filters by, in facet order. */
export const activeFacets = (query: SearchQuery): Facet[] =>
  (Object.entries(facetSelections(query)) as Array<[Facet, string[]]>)
    .filter(([, values]) => values.length > 0)
    .map(([facet]) => facet);

/**
 * The Meilisearch filter of a checked search: one clause per facet, all required (AND across facets); the values
 * chosen within a facet are alternatives (OR). `except` leaves one facet's clause out: that facet's counts are
 * computed with every filter but its own, so its other values say how many results ticking them would add.
 * Built only from values parseSearchQuery accepted, and re-checked here so a future caller cannot smuggle text in.
 */
export function meiliFilter(query: SearchQuery, except?: Facet): string[] {
  return (Object.entries(facetSelections(query)) as Array<[Facet, string[]]>)
    .filter(([facet, values]) => values.length > 0 && facet !== except)
    .map(([facet, values]) => anyOf(facet, values));
}
