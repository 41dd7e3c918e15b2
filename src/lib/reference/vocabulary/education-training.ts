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
      ar: ['تعليم', 'تربية'],
    },
    {
      fr: ['école', 'écoles'],
      en: ['school', 'schools'],
      es: ['escuela', 'escuelas'],
      pt: ['escola', 'escolas'],
      ar: ['مدرسة', 'مدارس'],
    },
    {
      fr: ['formation professionnelle'],
      en: ['vocational training'],
      es: ['formación profesional'],
      pt: ['formação profissional'],
      ar: ['تكوين مهني', 'تدريب مهني'],
    },
    {
      fr: ['formation'],
      en: ['training'],
      es: ['formación', 'capacitación'],
      pt: ['formação', 'capacitação'],
      ar: ['تكوين', 'تدريب'],
    },
    {
      fr: ['enseignants'],
      en: ['teachers'],
      es: ['docentes', 'maestros'],
      pt: ['professores'],
      ar: ['معلمون', 'أساتذة'],
    },
    {
      fr: ['élèves'],
      en: ['pupils', 'students'],
      es: ['alumnos', 'estudiantes'],
      pt: ['alunos', 'estudantes'],
      ar: ['تلاميذ', 'طلاب'],
    },
  ],
};
