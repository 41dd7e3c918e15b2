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
    },
    {
      fr: ['internet'],
      en: ['internet'],
      es: ['internet'],
      pt: ['internet'],
    },
    {
      fr: ['informatique', 'ordinateurs'],
      en: ['computing', 'computers'],
      es: ['informática', 'computadoras', 'ordenadores'],
      pt: ['informática', 'computadores'],
    },
    {
      fr: ['administration en ligne', 'e-administration'],
      en: ['e-government'],
      es: ['gobierno electrónico'],
      pt: ['governo eletrónico', 'governo eletrônico'],
    },
    {
      fr: ['données'],
      en: ['data'],
      es: ['datos'],
      pt: ['dados'],
    },
    {
      fr: ['logiciel'],
      en: ['software'],
      es: ['software'],
      pt: ['software'],
    },
  ],
};
