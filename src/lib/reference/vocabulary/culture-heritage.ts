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
      ar: ['ثقافة'],
    },
    {
      fr: ['patrimoine'],
      en: ['heritage'],
      es: ['patrimonio'],
      pt: ['património', 'patrimônio'],
      ar: ['تراث'],
    },
    {
      fr: ['musée'],
      en: ['museum'],
      es: ['museo'],
      pt: ['museu'],
      ar: ['متحف'],
    },
    {
      fr: ['bibliothèque', 'médiathèque'],
      en: ['library'],
      es: ['biblioteca'],
      pt: ['biblioteca'],
      ar: ['مكتبة'],
    },
    {
      fr: ['festival'],
      en: ['festival'],
      es: ['festival'],
      pt: ['festival'],
      ar: ['مهرجان'],
    },
    {
      fr: ['monuments historiques'],
      en: ['historic monuments'],
      es: ['monumentos históricos'],
      pt: ['monumentos históricos'],
      ar: ['معالم تاريخية'],
    },
  ],
};
