import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `youth_sport_citizenship`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'youth_sport_citizenship',
  concepts: [
    {
      fr: ['jeunesse', 'jeunes'],
      en: ['youth', 'young people'],
      es: ['juventud', 'jóvenes'],
      pt: ['juventude', 'jovens'],
      ar: ['شباب'],
    },
    {
      fr: ['sport'],
      en: ['sport', 'sports'],
      es: ['deporte', 'deportes'],
      pt: ['desporto', 'esporte'],
      ar: ['رياضة'],
    },
    {
      fr: ['citoyenneté'],
      en: ['citizenship'],
      es: ['ciudadanía'],
      pt: ['cidadania'],
      ar: ['مواطنة'],
    },
    {
      fr: ['volontariat', 'bénévolat'],
      en: ['volunteering'],
      es: ['voluntariado'],
      pt: ['voluntariado'],
      ar: ['تطوع'],
    },
    {
      fr: ['échanges de jeunes'],
      en: ['youth exchanges'],
      es: ['intercambios juveniles'],
      pt: ['intercâmbios de jovens'],
      ar: ['تبادل شبابي'],
    },
    {
      fr: ['stade', 'terrain de sport'],
      en: ['stadium', 'sports ground'],
      es: ['estadio', 'cancha'],
      pt: ['estádio', 'campo desportivo'],
      ar: ['ملعب'],
    },
  ],
};
