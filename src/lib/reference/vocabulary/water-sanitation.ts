import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `water_sanitation`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'water_sanitation',
  concepts: [
    {
      fr: ['eau'],
      en: ['water'],
      es: ['agua'],
      pt: ['água'],
    },
    {
      fr: ['eau potable'],
      en: ['drinking water'],
      es: ['agua potable'],
      pt: ['água potável'],
    },
    {
      fr: ['assainissement'],
      en: ['sanitation', 'sewerage'],
      es: ['saneamiento', 'alcantarillado'],
      pt: ['saneamento', 'esgoto'],
    },
    {
      fr: ['forage', 'puits'],
      en: ['borehole', 'well'],
      es: ['pozo'],
      pt: ['poço'],
    },
    {
      fr: ['latrines', 'toilettes'],
      en: ['latrines', 'toilets'],
      es: ['letrinas', 'baños'],
      pt: ['latrinas', 'sanitários'],
    },
  ],
};
