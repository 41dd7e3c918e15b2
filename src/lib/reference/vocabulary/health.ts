import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `health`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'health',
  concepts: [
    {
      fr: ['santé'],
      en: ['health'],
      es: ['salud'],
      pt: ['saúde'],
    },
    {
      fr: ['hôpital'],
      en: ['hospital'],
      es: ['hospital'],
      pt: ['hospital'],
    },
    {
      fr: ['centre de santé', 'dispensaire'],
      en: ['health centre', 'health center', 'clinic'],
      es: ['centro de salud', 'dispensario'],
      pt: ['centro de saúde', 'posto de saúde'],
    },
    {
      fr: ['maternité'],
      en: ['maternity'],
      es: ['maternidad'],
      pt: ['maternidade'],
    },
    {
      fr: ['vaccination'],
      en: ['vaccination', 'immunisation'],
      es: ['vacunación'],
      pt: ['vacinação'],
    },
    {
      fr: ['médecins', 'infirmiers'],
      en: ['doctors', 'nurses'],
      es: ['médicos', 'enfermeros'],
      pt: ['médicos', 'enfermeiros'],
    },
  ],
};
