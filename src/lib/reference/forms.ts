import type { Label } from './i18n-label.js';

/** Forms of cooperation a request can ask for. */
export const COOPERATION_FORMS: ReadonlyArray<{ code: string; name: Label }> = [
  { code: 'twinning', name: { fr: 'Jumelage', en: 'Twinning', es: 'Hermanamiento' } },
  {
    code: 'friendship_pact',
    name: { fr: "Pacte ou charte d'amitié", en: 'Friendship pact or charter', es: 'Pacto o carta de amistad' },
  },
  {
    code: 'partnership_agreement',
    name: {
      fr: 'Convention de coopération décentralisée',
      en: 'Decentralised cooperation agreement',
      es: 'Convenio de cooperación descentralizada',
    },
  },
  { code: 'thematic_project', name: { fr: 'Projet thématique', en: 'Thematic project', es: 'Proyecto temático' } },
  {
    code: 'expertise_exchange',
    name: {
      fr: "Échange d'expertise et de bonnes pratiques",
      en: 'Exchange of expertise and good practice',
      es: 'Intercambio de experiencia y buenas prácticas',
    },
  },
  {
    code: 'youth_mobility',
    name: {
      fr: 'Mobilité des jeunes et des citoyens',
      en: 'Youth and citizen mobility',
      es: 'Movilidad juvenil y ciudadana',
    },
  },
  {
    code: 'one_percent',
    name: {
      fr: 'Action « 1 % » eau, assainissement, déchets, énergie',
      en: '"1%" water, sanitation, waste and energy action',
      es: 'Acción «1 %» agua, saneamiento, residuos y energía',
    },
  },
  {
    code: 'humanitarian',
    name: {
      fr: "Soutien humanitaire et d'urgence",
      en: 'Humanitarian and emergency support',
      es: 'Apoyo humanitario y de emergencia',
    },
  },
  {
    code: 'multi_authority',
    name: { fr: 'Programme multi-collectivités', en: 'Multi-authority programme', es: 'Programa multi-autoridades' },
  },
];
export const FORM_CODES = COOPERATION_FORMS.map((f) => f.code);
export const isFormCode = (code: unknown): code is string => typeof code === 'string' && FORM_CODES.includes(code);

/** What the foreign authority expects from the French side. */
export const CONTRIBUTION_TYPES: ReadonlyArray<{ code: string; name: Label }> = [
  { code: 'expertise', name: { fr: 'Expertise technique', en: 'Technical expertise', es: 'Experiencia técnica' } },
  { code: 'staff_exchange', name: { fr: 'Échange de personnel', en: 'Staff exchange', es: 'Intercambio de personal' } },
  { code: 'equipment', name: { fr: 'Équipement', en: 'Equipment', es: 'Equipamiento' } },
  { code: 'co_funding', name: { fr: 'Cofinancement', en: 'Co-funding', es: 'Cofinanciación' } },
  { code: 'training', name: { fr: 'Formation', en: 'Training', es: 'Formación' } },
];
export const CONTRIBUTION_CODES = CONTRIBUTION_TYPES.map((c) => c.code);
