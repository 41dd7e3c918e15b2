/**
 * Languages the search vocabulary covers: the interface languages and the languages foreign authorities most often
 * write their requests in.
 */
export const VOCABULARY_LANGUAGES = ['fr', 'en', 'es', 'pt', 'ar'] as const;
export type VocabularyLanguage = (typeof VOCABULARY_LANGUAGES)[number];

/** One thing people name differently in each language ("déchets", "waste", "basura"…): every word is a synonym. */
export type VocabularyConcept = Record<VocabularyLanguage, string[]>;

export interface ThemeVocabulary {
  /** A theme code of ../themes.ts. */
  theme: string;
  concepts: VocabularyConcept[];
}
