import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `education_training`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'education_training',
  concepts: [
    {
      fr: ['éducation', 'enseignement'],
      en: ['education'],
      es: ['educación', 'enseñanza'],
      pt: ['educação', 'ensino'],
    },
    {
      fr: ['école', 'écoles'],
      en: ['school', 'schools'],
      es: ['escuela', 'escuelas'],
      pt: ['escola', 'escolas'],
    },
    {
      fr: ['formation professionnelle'],
      en: ['vocational training'],
      es: ['formación profesional'],
      pt: ['formação profissional'],
    },
    {
      fr: ['formation'],
      en: ['training'],
      es: ['formación', 'capacitación'],
      pt: ['formação', 'capacitação'],
    },
    {
      fr: ['enseignants'],
      en: ['teachers'],
      es: ['docentes', 'maestros'],
      pt: ['professores'],
    },
    {
      fr: ['élèves'],
      en: ['pupils', 'students'],
      es: ['alumnos', 'estudiantes'],
      pt: ['alunos', 'estudantes'],
    },
  ],
};
