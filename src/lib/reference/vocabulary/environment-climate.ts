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
      ar: ['بيئة'],
    },
    {
      fr: ['climat'],
      en: ['climate'],
      es: ['clima'],
      pt: ['clima'],
      ar: ['مناخ'],
    },
    {
      fr: ['changement climatique'],
      en: ['climate change'],
      es: ['cambio climático'],
      pt: ['mudança climática', 'alterações climáticas'],
      ar: ['تغير المناخ', 'تغير مناخي'],
    },
    {
      fr: ['biodiversité'],
      en: ['biodiversity'],
      es: ['biodiversidad'],
      pt: ['biodiversidade'],
      ar: ['تنوع بيولوجي'],
    },
    {
      fr: ['reboisement', 'forêt'],
      en: ['reforestation', 'forest'],
      es: ['reforestación', 'bosque'],
      pt: ['reflorestamento', 'floresta'],
      ar: ['تشجير', 'غابة'],
    },
    {
      fr: ['pollution'],
      en: ['pollution'],
      es: ['contaminación'],
      pt: ['poluição'],
      ar: ['تلوث'],
    },
  ],
};
