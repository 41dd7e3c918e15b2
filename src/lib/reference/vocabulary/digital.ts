import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `digital`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'digital',
  concepts: [
    {
      fr: ['numérique'],
      en: ['digital'],
      es: ['digital'],
      pt: ['digital'],
      ar: ['رقمنة', 'رقمي'],
    },
    {
      fr: ['internet'],
      en: ['internet'],
      es: ['internet'],
      pt: ['internet'],
      ar: ['إنترنت', 'أنترنت'],
    },
    {
      fr: ['informatique', 'ordinateurs'],
      en: ['computing', 'computers'],
      es: ['informática', 'computadoras', 'ordenadores'],
      pt: ['informática', 'computadores'],
      ar: ['معلوميات', 'حواسيب'],
    },
    {
      fr: ['administration en ligne', 'e-administration'],
      en: ['e-government'],
      es: ['gobierno electrónico'],
      pt: ['governo eletrónico', 'governo eletrônico'],
      ar: ['إدارة إلكترونية', 'حكومة إلكترونية'],
    },
    {
      fr: ['données'],
      en: ['data'],
      es: ['datos'],
      pt: ['dados'],
      ar: ['بيانات', 'معطيات'],
    },
    {
      fr: ['logiciel'],
      en: ['software'],
      es: ['software'],
      pt: ['software'],
      ar: ['برمجيات', 'برنامج معلوماتي'],
    },
  ],
};
