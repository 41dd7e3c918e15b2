import type { Label } from './i18n-label.js';

export const FOREIGN_AUTHORITY_TYPES: ReadonlyArray<{ code: string; name: Label }> = [
  {
    code: 'municipality',
    name: {
      fr: 'Commune / municipalité',
      en: 'Municipality',
      es: 'Municipio',
      pt: 'Município',
      ar: 'جماعة / بلدية',
      uk: 'Громада / муніципалітет',
    },
  },
  {
    code: 'intercommunal',
    name: {
      fr: 'Groupement intercommunal',
      en: 'Intercommunal grouping',
      es: 'Mancomunidad',
      pt: 'Agrupamento intermunicipal',
      ar: 'تجمع بين الجماعات',
      uk: 'Об’єднання громад',
    },
  },
  {
    code: 'province',
    name: {
      fr: 'Province / département',
      en: 'Province / department',
      es: 'Provincia / departamento',
      pt: 'Província / departamento',
      ar: 'إقليم / عمالة',
      uk: 'Провінція / департамент',
    },
  },
  { code: 'region', name: { fr: 'Région', en: 'Region', es: 'Región', pt: 'Região', ar: 'جهة / منطقة', uk: 'Регіон' } },
];
export const FRENCH_AUTHORITY_TYPES: ReadonlyArray<{ code: string; name: Label }> = [
  {
    code: 'commune',
    name: {
      fr: 'Commune',
      en: 'Municipality (commune)',
      es: 'Municipio (commune)',
      pt: 'Município (commune)',
      ar: 'جماعة (commune)',
      uk: 'Громада (commune)',
    },
  },
  {
    code: 'epci',
    name: {
      fr: 'Intercommunalité (EPCI)',
      en: 'Intercommunality (EPCI)',
      es: 'Intermunicipalidad (EPCI)',
      pt: 'Intermunicipalidade (EPCI)',
      ar: 'تجمع بين الجماعات (EPCI)',
      uk: 'Міжмуніципальне об’єднання (EPCI)',
    },
  },
  {
    code: 'departement',
    name: {
      fr: 'Département',
      en: 'Département',
      es: 'Departamento',
      pt: 'Departamento (département)',
      ar: 'إقليم (département)',
      uk: 'Департамент (département)',
    },
  },
  { code: 'region', name: { fr: 'Région', en: 'Region', es: 'Región', pt: 'Região', ar: 'جهة / منطقة', uk: 'Регіон' } },
];
export const FOREIGN_TYPE_CODES = FOREIGN_AUTHORITY_TYPES.map((t) => t.code);
export const FRENCH_TYPE_CODES = FRENCH_AUTHORITY_TYPES.map((t) => t.code);

/** Size brackets: 95 % of French communes have under 5,000 inhabitants, so partner size matters. */
export const POPULATION_BRACKETS: ReadonlyArray<{ code: string; min: number; max: number | null; name: Label }> = [
  {
    code: 'lt5k',
    min: 0,
    max: 4_999,
    name: {
      fr: 'Moins de 5 000 hab.',
      en: 'Under 5,000',
      es: 'Menos de 5.000 hab.',
      pt: 'Menos de 5000 hab.',
      ar: 'أقل من 5000 نسمة',
      uk: 'Менше 5 000 мешк.',
    },
  },
  {
    code: '5k-20k',
    min: 5_000,
    max: 19_999,
    name: {
      fr: '5 000 à 20 000 hab.',
      en: '5,000–20,000',
      es: '5.000 a 20.000 hab.',
      pt: '5000 a 20 000 hab.',
      ar: 'من 5000 إلى 20000 نسمة',
      uk: '5 000–20 000 мешк.',
    },
  },
  {
    code: '20k-100k',
    min: 20_000,
    max: 99_999,
    name: {
      fr: '20 000 à 100 000 hab.',
      en: '20,000–100,000',
      es: '20.000 a 100.000 hab.',
      pt: '20 000 a 100 000 hab.',
      ar: 'من 20000 إلى 100000 نسمة',
      uk: '20 000–100 000 мешк.',
    },
  },
  {
    code: '100k-500k',
    min: 100_000,
    max: 499_999,
    name: {
      fr: '100 000 à 500 000 hab.',
      en: '100,000–500,000',
      es: '100.000 a 500.000 hab.',
      pt: '100 000 a 500 000 hab.',
      ar: 'من 100000 إلى 500000 نسمة',
      uk: '100 000–500 000 мешк.',
    },
  },
  {
    code: 'gte500k',
    min: 500_000,
    max: null,
    name: {
      fr: 'Plus de 500 000 hab.',
      en: 'Over 500,000',
      es: 'Más de 500.000 hab.',
      pt: 'Mais de 500 000 hab.',
      ar: 'أكثر من 500000 نسمة',
      uk: 'Понад 500 000 мешк.',
    },
  },
];
export const POPULATION_BRACKET_CODES = POPULATION_BRACKETS.map((b) => b.code);

export function populationBracket(population: number | null | undefined): string | null {
  if (population === null || population === undefined) return null;
  return POPULATION_BRACKETS.find((b) => population >= b.min && (b.max === null || population <= b.max))?.code ?? null;
}
