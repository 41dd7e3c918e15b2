import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `gender_equality`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'gender_equality',
  concepts: [
    {
      fr: ['égalité femmes-hommes', 'égalité de genre'],
      en: ['gender equality'],
      es: ['igualdad de género'],
      pt: ['igualdade de género', 'igualdade de gênero'],
    },
    {
      fr: ['femmes'],
      en: ['women'],
      es: ['mujeres'],
      pt: ['mulheres'],
    },
    {
      fr: ['violences faites aux femmes'],
      en: ['violence against women'],
      es: ['violencia contra las mujeres'],
      pt: ['violência contra as mulheres'],
    },
    {
      fr: ['autonomisation'],
      en: ['empowerment'],
      es: ['empoderamiento'],
      pt: ['empoderamento'],
    },
    {
      fr: ['filles'],
      en: ['girls'],
      es: ['niñas'],
      pt: ['meninas'],
    },
  ],
};
