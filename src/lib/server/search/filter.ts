import type { SearchQuery } from './search-query.js';

/** Reference codes are letters, digits, "_" and "-": anything else means a value skipped validation. */
const SAFE = /^[A-Za-z0-9_-]+$/;

function quoted(value: string): string {
  if (!SAFE.test(value)) throw new Error(`refusing to put an unchecked value into a search filter: ${JSON.stringify(value)}`);
  return `"${value}"`;
}

const anyOf = (attribute: string, values: string[]) => `${attribute} IN [${values.map(quoted).join(', ')}]`;

/**
 * The Meilisearch filter of a checked search: one clause per criterion, all required; the values repeated within
 * a criterion (several countries, several themes) are alternatives. Built only from values
 * parseSearchQuery accepted, and re-checked here so a future caller cannot smuggle text into it.
 */
export function meiliFilter(query: SearchQuery): string[] {
  const clauses: string[] = [];
  if (query.countries.length) clauses.push(anyOf('country', query.countries));
  if (query.continent) clauses.push(anyOf('continent', [query.continent]));
  if (query.themes.length) clauses.push(anyOf('themes', query.themes));
  if (query.form) clauses.push(anyOf('forms', [query.form]));
  if (query.authorityType) clauses.push(anyOf('authorityType', [query.authorityType]));
  if (query.population) clauses.push(anyOf('populationBracket', [query.population]));
  if (query.language) clauses.push(anyOf('languages', [query.language]));
  return clauses;
}
