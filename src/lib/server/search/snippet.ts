import { MARK_END, MARK_START, stripPrivateUse } from './highlight.js';

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a query, accent- and case-folded, as Postgres' unaccented full-text search sees them. */
export const queryTerms = (q: string) => [
  ...new Set(
    fold(q)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((t) => t.length > 1),
  ),
];

/**
 * Marks the words of `text` that start with a query term and, past `maxWords`, keeps a window around the first
 * match: the degraded search's stand-in for Meilisearch's highlighting and cropping.
 */
export function markTerms(text: string, terms: string[], maxWords = Infinity): string {
  // The author's text may carry our markers: they go before any are added.
  const words = stripPrivateUse(text).split(/(\s+)/);
  const isMatch = (word: string) => {
    const folded = fold(word).replace(/^[^\p{L}\p{N}]+/u, '');
    return terms.some((t) => folded.startsWith(t));
  };
  let parts = words;
  const wordCount = Math.ceil(words.length / 2);
  if (wordCount > maxWords) {
    const first = Math.max(
      0,
      words.findIndex((w, i) => i % 2 === 0 && isMatch(w)),
    );
    const start = Math.max(0, first - Math.floor(maxWords / 2) * 2);
    parts = words.slice(start, start + maxWords * 2 - 1);
    if (start > 0) parts = ['… ', ...parts];
    if (start + maxWords * 2 - 1 < words.length) parts = [...parts, ' …'];
  }
  return parts.map((w) => (/\S/.test(w) && isMatch(w) ? `${MARK_START}${w}${MARK_END}` : w)).join('');
}
