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
      ar: ['صحة'],
    },
    {
      fr: ['hôpital'],
      en: ['hospital'],
      es: ['hospital'],
      pt: ['hospital'],
      ar: ['مستشفى'],
    },
    {
      fr: ['centre de santé', 'dispensaire'],
      en: ['health centre', 'health center', 'clinic'],
      es: ['centro de salud', 'dispensario'],
      pt: ['centro de saúde', 'posto de saúde'],
      ar: ['مركز صحي', 'مستوصف'],
    },
    {
      fr: ['maternité'],
      en: ['maternity'],
      es: ['maternidad'],
      pt: ['maternidade'],
      ar: ['أمومة', 'دار الولادة'],
    },
    {
      fr: ['vaccination'],
      en: ['vaccination', 'immunisation'],
      es: ['vacunación'],
      pt: ['vacinação'],
      ar: ['تلقيح', 'تطعيم'],
    },
    {
      fr: ['médecins', 'infirmiers'],
      en: ['doctors', 'nurses'],
      es: ['médicos', 'enfermeros'],
      pt: ['médicos', 'enfermeiros'],
      ar: ['أطباء', 'ممرضون'],
    },
  ],
};
