import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `culture_heritage`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'culture_heritage',
  concepts: [
    {
      fr: ['culture'],
      en: ['culture'],
      es: ['cultura'],
      pt: ['cultura'],
    },
    {
      fr: ['patrimoine'],
      en: ['heritage'],
      es: ['patrimonio'],
      pt: ['património', 'patrimônio'],
    },
    {
      fr: ['musée'],
      en: ['museum'],
      es: ['museo'],
      pt: ['museu'],
    },
    {
      fr: ['bibliothèque', 'médiathèque'],
      en: ['library'],
      es: ['biblioteca'],
      pt: ['biblioteca'],
    },
    {
      fr: ['festival'],
      en: ['festival'],
      es: ['festival'],
      pt: ['festival'],
    },
    {
      fr: ['monuments historiques'],
      en: ['historic monuments'],
      es: ['monumentos históricos'],
      pt: ['monumentos históricos'],
    },
  ],
};
