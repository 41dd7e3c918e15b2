import type { Label } from './i18n-label.js';

/** Forms of cooperation a request can ask for. */
export const COOPERATION_FORMS: ReadonlyArray<{ code: string; name: Label }> = [
  {
    code: 'twinning',
    name: { fr: 'Jumelage', en: 'Twinning', es: 'Hermanamiento', pt: 'Geminação', ar: 'توأمة', uk: 'Побратимство' },
  },
  {
    code: 'friendship_pact',
    name: {
      fr: "Pacte ou charte d'amitié",
      en: 'Friendship pact or charter',
      es: 'Pacto o carta de amistad',
      pt: 'Pacto ou carta de amizade',
      ar: 'ميثاق أو عهد صداقة',
      uk: 'Пакт або хартія дружби',
    },
  },
  {
    code: 'partnership_agreement',
    name: {
      fr: 'Convention de coopération décentralisée',
      en: 'Decentralised cooperation agreement',
      es: 'Convenio de cooperación descentralizada',
      pt: 'Convénio de cooperação descentralizada',
      ar: 'اتفاقية تعاون لامركزي',
      uk: 'Угода про децентралізовану співпрацю',
    },
  },
  {
    code: 'thematic_project',
    name: {
      fr: 'Projet thématique',
      en: 'Thematic project',
      es: 'Proyecto temático',
      pt: 'Projeto temático',
      ar: 'مشروع موضوعاتي',
      uk: 'Тематичний проєкт',
    },
  },
  {
    code: 'expertise_exchange',
    name: {
      fr: "Échange d'expertise et de bonnes pratiques",
      en: 'Exchange of expertise and good practice',
      es: 'Intercambio de experiencia y buenas prácticas',
      pt: 'Intercâmbio de conhecimentos e boas práticas',
      ar: 'تبادل الخبرات والممارسات الجيدة',
      uk: 'Обмін досвідом і добрими практиками',
    },
  },
  {
    code: 'youth_mobility',
    name: {
      fr: 'Mobilité des jeunes et des citoyens',
      en: 'Youth and citizen mobility',
      es: 'Movilidad juvenil y ciudadana',
      pt: 'Mobilidade de jovens e cidadãos',
      ar: 'تنقل الشباب والمواطنين',
      uk: 'Мобільність молоді та громадян',
    },
  },
  {
    code: 'one_percent',
    name: {
      fr: 'Action « 1 % » eau, assainissement, déchets, énergie',
      en: '"1%" water, sanitation, waste and energy action',
      es: 'Acción «1 %» agua, saneamiento, residuos y energía',
      pt: 'Ação «1 %» água, saneamento, resíduos e energia',
      ar: 'عمل «1 %» للمياه والصرف الصحي والنفايات والطاقة',
      uk: 'Дія «1 %»: вода, водовідведення, відходи, енергія',
    },
  },
  {
    code: 'humanitarian',
    name: {
      fr: "Soutien humanitaire et d'urgence",
      en: 'Humanitarian and emergency support',
      es: 'Apoyo humanitario y de emergencia',
      pt: 'Apoio humanitário e de emergência',
      ar: 'دعم إنساني وطارئ',
      uk: 'Гуманітарна та екстрена підтримка',
    },
  },
  {
    code: 'multi_authority',
    name: {
      fr: 'Programme multi-collectivités',
      en: 'Multi-authority programme',
      es: 'Programa multi-autoridades',
      pt: 'Programa multicoletividades',
      ar: 'برنامج متعدد الجماعات',
      uk: 'Програма кількох громад',
    },
  },
];
export const FORM_CODES = COOPERATION_FORMS.map((f) => f.code);
export const isFormCode = (code: unknown): code is string => typeof code === 'string' && FORM_CODES.includes(code);

/** What the foreign authority expects from the French side. */
export const CONTRIBUTION_TYPES: ReadonlyArray<{ code: string; name: Label }> = [
  {
    code: 'expertise',
    name: {
      fr: 'Expertise technique',
      en: 'Technical expertise',
      es: 'Experiencia técnica',
      pt: 'Conhecimentos técnicos',
      ar: 'خبرة تقنية',
      uk: 'Технічна експертиза',
    },
  },
  {
    code: 'staff_exchange',
    name: {
      fr: 'Échange de personnel',
      en: 'Staff exchange',
      es: 'Intercambio de personal',
      pt: 'Intercâmbio de pessoal',
      ar: 'تبادل الموظفين',
      uk: 'Обмін персоналом',
    },
  },
  {
    code: 'equipment',
    name: { fr: 'Équipement', en: 'Equipment', es: 'Equipamiento', pt: 'Equipamento', ar: 'تجهيزات', uk: 'Обладнання' },
  },
  {
    code: 'co_funding',
    name: {
      fr: 'Cofinancement',
      en: 'Co-funding',
      es: 'Cofinanciación',
      pt: 'Cofinanciamento',
      ar: 'تمويل مشترك',
      uk: 'Співфінансування',
    },
  },
  {
    code: 'training',
    name: { fr: 'Formation', en: 'Training', es: 'Formación', pt: 'Formação', ar: 'تكوين', uk: 'Навчання' },
  },
];
export const CONTRIBUTION_CODES = CONTRIBUTION_TYPES.map((c) => c.code);
