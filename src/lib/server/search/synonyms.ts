import { COOPERATION_FORMS, THEMES } from '../../reference/index.js';
import { THEME_VOCABULARIES, VOCABULARY_LANGUAGES } from '../../reference/vocabulary/index.js';
import { foldArabic } from './arabic.js';

/**
 * Groups of words that mean the same thing across languages: each concept of the per-theme vocabulary files
 * (src/lib/reference/vocabulary/), each theme label and each cooperation-form label.
 */
export function synonymGroups(): string[][] {
  const concepts = THEME_VOCABULARIES.flatMap((v) => v.concepts).map((c) => VOCABULARY_LANGUAGES.flatMap((l) => c[l]));
  const labels = [...THEMES, ...COOPERATION_FORMS].map((t) => [t.name.fr, t.name.en, t.name.es, t.name.pt, t.name.ar]);
  // Arabic words folded as the index and the queries are (./arabic.ts): Meilisearch would normalise them otherwise.
  return [...concepts, ...labels].map((group) => group.map(foldArabic));
}

/**
 * Meilisearch synonyms: every word of a group leads to the others, so "basura" finds a request about "déchets" and
 * "مياه" one about "eau".
 */
export function buildSynonyms(): Record<string, string[]> {
  const synonyms: Record<string, Set<string>> = {};
  for (const group of synonymGroups()) {
    const words = [...new Set(group.map((w) => w.toLowerCase()))];
    for (const word of words) {
      synonyms[word] ??= new Set();
      for (const other of words) if (other !== word) synonyms[word].add(other);
    }
  }
  return Object.fromEntries(Object.entries(synonyms).map(([word, others]) => [word, [...others].sort()]));
}
