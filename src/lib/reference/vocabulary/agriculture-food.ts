import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `agriculture_food`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'agriculture_food',
  concepts: [
    {
      fr: ['agriculture'],
      en: ['agriculture', 'farming'],
      es: ['agricultura'],
      pt: ['agricultura'],
    },
    {
      fr: ['agriculteurs', 'paysans'],
      en: ['farmers'],
      es: ['agricultores', 'campesinos'],
      pt: ['agricultores', 'camponeses'],
    },
    {
      fr: ['sécurité alimentaire'],
      en: ['food security'],
      es: ['seguridad alimentaria'],
      pt: ['segurança alimentar'],
    },
    {
      fr: ['nutrition', 'malnutrition'],
      en: ['nutrition', 'malnutrition'],
      es: ['nutrición', 'desnutrición'],
      pt: ['nutrição', 'desnutrição'],
    },
    {
      fr: ['irrigation'],
      en: ['irrigation'],
      es: ['riego'],
      pt: ['irrigação'],
    },
    {
      fr: ['élevage'],
      en: ['livestock'],
      es: ['ganadería'],
      pt: ['pecuária'],
    },
  ],
};
