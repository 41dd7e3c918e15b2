import type { Label } from './i18n-label.js';

/**
 * The themes of a cooperation request, each mapped to OECD-DAC/CRS sector codes for reporting and open data.
 * Every code is checked against the CRS purpose-code list (see `DAC_CODE_NAMES` in ./dac-codes.ts, which names the
 * source); a 3-digit code is a CRS sector category, a 5-digit code a purpose code.
 */
export interface Theme {
  code: string;
  dac: string[];
  name: Label;
}

export const THEMES: readonly Theme[] = [
  {
    code: 'water_sanitation',
    dac: ['140'],
    name: {
      fr: 'Eau et assainissement',
      en: 'Water and sanitation',
      es: 'Agua y saneamiento',
      pt: 'Água e saneamento',
      ar: 'المياه والصرف الصحي',
      uk: 'Водопостачання та водовідведення',
    },
  },
  {
    code: 'agriculture_food',
    dac: ['311', '312', '313'],
    name: {
      fr: 'Agriculture, sécurité alimentaire et nutrition',
      en: 'Agriculture, food security and nutrition',
      es: 'Agricultura, seguridad alimentaria y nutrición',
      pt: 'Agricultura, segurança alimentar e nutrição',
      ar: 'الزراعة والأمن الغذائي والتغذية',
      uk: 'Сільське господарство, продовольча безпека та харчування',
    },
  },
  {
    code: 'governance',
    dac: ['151'],
    name: {
      fr: 'Gouvernance, décentralisation et société civile',
      en: 'Governance, decentralisation and civil society',
      es: 'Gobernanza, descentralización y sociedad civil',
      pt: 'Governação, descentralização e sociedade civil',
      ar: 'الحوكمة واللامركزية والمجتمع المدني',
      uk: 'Врядування, децентралізація та громадянське суспільство',
    },
  },
  {
    code: 'civil_protection',
    dac: ['152', '730', '740'],
    name: {
      fr: 'Protection civile, crises et reconstruction',
      en: 'Civil protection, crises and reconstruction',
      es: 'Protección civil, crisis y reconstrucción',
      pt: 'Proteção civil, crises e reconstrução',
      ar: 'الحماية المدنية والأزمات وإعادة الإعمار',
      uk: 'Цивільний захист, кризи та відбудова',
    },
  },
  {
    code: 'education_training',
    dac: ['111', '112', '113', '114'],
    name: {
      fr: 'Éducation et formation professionnelle',
      en: 'Education and vocational training',
      es: 'Educación y formación profesional',
      pt: 'Educação e formação profissional',
      ar: 'التعليم والتكوين المهني',
      uk: 'Освіта та професійне навчання',
    },
  },
  {
    code: 'health',
    dac: ['121', '122', '123'],
    name: { fr: 'Santé', en: 'Health', es: 'Salud', pt: 'Saúde', ar: 'الصحة', uk: 'Охорона здоров’я' },
  },
  {
    code: 'environment_climate',
    dac: ['410'],
    name: {
      fr: 'Environnement, climat et biodiversité',
      en: 'Environment, climate and biodiversity',
      es: 'Medio ambiente, clima y biodiversidad',
      pt: 'Ambiente, clima e biodiversidade',
      ar: 'البيئة والمناخ والتنوع البيولوجي',
      uk: 'Довкілля, клімат і біорізноманіття',
    },
  },
  {
    code: 'waste',
    dac: ['14050'],
    name: {
      fr: 'Gestion des déchets',
      en: 'Waste management',
      es: 'Gestión de residuos',
      pt: 'Gestão de resíduos',
      ar: 'تدبير النفايات',
      uk: 'Поводження з відходами',
    },
  },
  {
    code: 'energy',
    dac: ['231', '232', '233', '234', '235', '236'],
    name: { fr: 'Énergie', en: 'Energy', es: 'Energía', pt: 'Energia', ar: 'الطاقة', uk: 'Енергетика' },
  },
  {
    code: 'urban_housing',
    dac: ['43030', '16030', '16040'],
    name: {
      fr: 'Urbanisme et habitat',
      en: 'Urban planning and housing',
      es: 'Urbanismo y vivienda',
      pt: 'Urbanismo e habitação',
      ar: 'التعمير والسكن',
      uk: 'Містобудування та житло',
    },
  },
  {
    code: 'transport_mobility',
    dac: ['210'],
    name: {
      fr: 'Transports et mobilité',
      en: 'Transport and mobility',
      es: 'Transporte y movilidad',
      pt: 'Transportes e mobilidade',
      ar: 'النقل والتنقل',
      uk: 'Транспорт і мобільність',
    },
  },
  {
    code: 'local_economy',
    dac: ['250'],
    name: {
      fr: 'Développement économique local',
      en: 'Local economic development',
      es: 'Desarrollo económico local',
      pt: 'Desenvolvimento económico local',
      ar: 'التنمية الاقتصادية المحلية',
      uk: 'Місцевий економічний розвиток',
    },
  },
  {
    code: 'tourism',
    dac: ['332'],
    name: { fr: 'Tourisme', en: 'Tourism', es: 'Turismo', pt: 'Turismo', ar: 'السياحة', uk: 'Туризм' },
  },
  {
    code: 'culture_heritage',
    dac: ['16066'],
    name: {
      fr: 'Culture et patrimoine',
      en: 'Culture and heritage',
      es: 'Cultura y patrimonio',
      pt: 'Cultura e património',
      ar: 'الثقافة والتراث',
      uk: 'Культура та спадщина',
    },
  },
  {
    code: 'youth_sport_citizenship',
    dac: ['16065', '15150'],
    name: {
      fr: 'Jeunesse, sport et citoyenneté',
      en: 'Youth, sport and citizenship',
      es: 'Juventud, deporte y ciudadanía',
      pt: 'Juventude, desporto e cidadania',
      ar: 'الشباب والرياضة والمواطنة',
      uk: 'Молодь, спорт і громадянство',
    },
  },
  {
    code: 'gender_equality',
    dac: ['15170'],
    name: {
      fr: 'Égalité femmes-hommes',
      en: 'Gender equality',
      es: 'Igualdad de género',
      pt: 'Igualdade de género',
      ar: 'المساواة بين النساء والرجال',
      uk: 'Гендерна рівність',
    },
  },
  {
    code: 'digital',
    dac: ['220'],
    name: {
      fr: 'Transition numérique',
      en: 'Digital transition',
      es: 'Transición digital',
      pt: 'Transição digital',
      ar: 'التحول الرقمي',
      uk: 'Цифрова трансформація',
    },
  },
  {
    code: 'coastal_territorial',
    dac: ['430'],
    name: {
      fr: 'Développement littoral et territorial',
      en: 'Coastal and territorial development',
      es: 'Desarrollo costero y territorial',
      pt: 'Desenvolvimento costeiro e territorial',
      ar: 'التنمية الساحلية والترابية',
      uk: 'Розвиток узбережжя та територій',
    },
  },
];

export const THEME_CODES = THEMES.map((t) => t.code);
const byCode = new Map(THEMES.map((t) => [t.code, t]));
export const findTheme = (code: string) => byCode.get(code);
export const isThemeCode = (code: unknown): code is string => typeof code === 'string' && byCode.has(code);
