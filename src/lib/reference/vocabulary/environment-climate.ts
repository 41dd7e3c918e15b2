import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `environment_climate`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'environment_climate',
  concepts: [
    {
      fr: ['environnement'],
      en: ['environment'],
      es: ['medio ambiente'],
      pt: ['meio ambiente', 'ambiente'],
    },
    {
      fr: ['climat'],
      en: ['climate'],
      es: ['clima'],
      pt: ['clima'],
    },
    {
      fr: ['changement climatique'],
      en: ['climate change'],
      es: ['cambio climático'],
      pt: ['mudança climática', 'alterações climáticas'],
    },
    {
      fr: ['biodiversité'],
      en: ['biodiversity'],
      es: ['biodiversidad'],
      pt: ['biodiversidade'],
    },
    {
      fr: ['reboisement', 'forêt'],
      en: ['reforestation', 'forest'],
      es: ['reforestación', 'bosque'],
      pt: ['reflorestamento', 'floresta'],
    },
    {
      fr: ['pollution'],
      en: ['pollution'],
      es: ['contaminación'],
      pt: ['poluição'],
    },
  ],
};
