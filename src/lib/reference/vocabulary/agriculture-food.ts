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
      ar: ['زراعة', 'فلاحة'],
    },
    {
      fr: ['agriculteurs', 'paysans'],
      en: ['farmers'],
      es: ['agricultores', 'campesinos'],
      pt: ['agricultores', 'camponeses'],
      ar: ['مزارعون', 'فلاحون'],
    },
    {
      fr: ['sécurité alimentaire'],
      en: ['food security'],
      es: ['seguridad alimentaria'],
      pt: ['segurança alimentar'],
      ar: ['أمن غذائي'],
    },
    {
      fr: ['nutrition', 'malnutrition'],
      en: ['nutrition', 'malnutrition'],
      es: ['nutrición', 'desnutrición'],
      pt: ['nutrição', 'desnutrição'],
      ar: ['تغذية', 'سوء التغذية'],
    },
    {
      fr: ['irrigation'],
      en: ['irrigation'],
      es: ['riego'],
      pt: ['irrigação'],
      ar: ['ري', 'سقي'],
    },
    {
      fr: ['élevage'],
      en: ['livestock'],
      es: ['ganadería'],
      pt: ['pecuária'],
      ar: ['تربية المواشي'],
    },
  ],
};
