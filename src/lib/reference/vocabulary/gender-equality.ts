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
      ar: ['مساواة بين الجنسين', 'مقاربة النوع'],
    },
    {
      fr: ['femmes'],
      en: ['women'],
      es: ['mujeres'],
      pt: ['mulheres'],
      ar: ['نساء', 'المرأة'],
    },
    {
      fr: ['violences faites aux femmes'],
      en: ['violence against women'],
      es: ['violencia contra las mujeres'],
      pt: ['violência contra as mulheres'],
      ar: ['العنف ضد المرأة', 'عنف ضد النساء'],
    },
    // The word alone too: the four-word French, Spanish and Portuguese phrases above did not expand to the Arabic one
    // (Meilisearch 1.21, tests/search/vocabulary.test.ts); their first word does (a query's last words drop first).
    {
      fr: ['violences'],
      en: ['violence'],
      es: ['violencia'],
      pt: ['violência'],
      ar: ['عنف'],
    },
    {
      fr: ['autonomisation'],
      en: ['empowerment'],
      es: ['empoderamiento'],
      pt: ['empoderamento'],
      ar: ['تمكين'],
    },
    {
      fr: ['filles'],
      en: ['girls'],
      es: ['niñas'],
      pt: ['meninas'],
      ar: ['فتيات'],
    },
  ],
};
