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
      ar: ['ماء', 'مياه'],
    },
    {
      fr: ['eau potable'],
      en: ['drinking water'],
      es: ['agua potable'],
      pt: ['água potável'],
      ar: ['مياه الشرب', 'ماء صالح للشرب'],
    },
    {
      fr: ['assainissement'],
      en: ['sanitation', 'sewerage'],
      es: ['saneamiento', 'alcantarillado'],
      pt: ['saneamento', 'esgoto'],
      ar: ['صرف صحي', 'تطهير'],
    },
    {
      fr: ['forage', 'puits'],
      en: ['borehole', 'well'],
      es: ['pozo'],
      pt: ['poço'],
      ar: ['بئر', 'آبار', 'حفر الآبار'],
    },
    {
      fr: ['latrines', 'toilettes'],
      en: ['latrines', 'toilets'],
      es: ['letrinas', 'baños'],
      pt: ['latrinas', 'sanitários'],
      ar: ['مراحيض', 'دورات المياه'],
    },
  ],
};
