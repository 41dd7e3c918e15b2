import { COUNTRY_ROWS } from './countries.data.js';
import type { Label, Locale } from './i18n-label.js';

export type ContinentCode = 'AF' | 'AN' | 'AS' | 'EU' | 'NA' | 'OC' | 'SA';

export interface Country {
  code: string;
  continent: ContinentCode;
  name: Label;
}

export const CONTINENTS: ReadonlyArray<{ code: ContinentCode; name: Label }> = [
  { code: 'AF', name: { fr: 'Afrique', en: 'Africa', es: 'África', pt: 'África', ar: 'أفريقيا', uk: 'Африка' } },
  {
    code: 'AS',
    name: {
      fr: 'Asie et Moyen-Orient',
      en: 'Asia and Middle East',
      es: 'Asia y Oriente Medio',
      pt: 'Ásia e Médio Oriente',
      ar: 'آسيا والشرق الأوسط',
      uk: 'Азія та Близький Схід',
    },
  },
  { code: 'EU', name: { fr: 'Europe', en: 'Europe', es: 'Europa', pt: 'Europa', ar: 'أوروبا', uk: 'Європа' } },
  {
    code: 'NA',
    name: {
      fr: 'Amérique du Nord, centrale et Caraïbes',
      en: 'North and Central America, Caribbean',
      es: 'América del Norte, Central y Caribe',
      pt: 'América do Norte, Central e Caraíbas',
      ar: 'أمريكا الشمالية والوسطى والكاريبي',
      uk: 'Північна та Центральна Америка, Кариби',
    },
  },
  {
    code: 'SA',
    name: {
      fr: 'Amérique du Sud',
      en: 'South America',
      es: 'América del Sur',
      pt: 'América do Sul',
      ar: 'أمريكا الجنوبية',
      uk: 'Південна Америка',
    },
  },
  { code: 'OC', name: { fr: 'Océanie', en: 'Oceania', es: 'Oceanía', pt: 'Oceânia', ar: 'أوقيانوسيا', uk: 'Океанія' } },
  {
    code: 'AN',
    name: {
      fr: 'Antarctique',
      en: 'Antarctica',
      es: 'Antártida',
      pt: 'Antártida',
      ar: 'القارة القطبية الجنوبية',
      uk: 'Антарктида',
    },
  },
];

export const COUNTRIES: readonly Country[] = COUNTRY_ROWS.map(([code, continent, fr, en, es, pt, ar, uk]) => ({
  code,
  continent,
  name: { fr, en, es, pt, ar, uk },
}));

const byCode = new Map(COUNTRIES.map((c) => [c.code, c]));

export function findCountry(code: string): Country | undefined {
  return byCode.get(code);
}

export function isCountryCode(code: unknown): code is string {
  return typeof code === 'string' && byCode.has(code);
}

/** France and its overseas departments and collectivities: their authorities are French, never foreign. */
const FRANCE = ['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'WF', 'PF', 'NC', 'TF'];
/** Territories without a permanent population, hence without any local authority to register. */
const UNINHABITED = ['AQ', 'BV', 'HM', 'GS', 'UM', 'IO'];

/**
 * Inhabited territories that are not sovereign states (as France recognises them): dependencies of another state
 * (Gibraltar, Greenland, Hong Kong, Puerto Rico…), Western Sahara and Taiwan. A correspondent may still cover one,
 * which makes it open to registration.
 */
const DEPENDENT_TERRITORIES = [
  'AI',
  'AS',
  'AW',
  'AX',
  'BM',
  'BQ',
  'CC',
  'CK',
  'CW',
  'CX',
  'EH',
  'FK',
  'FO',
  'GG',
  'GI',
  'GL',
  'GU',
  'HK',
  'IM',
  'JE',
  'KY',
  'MO',
  'MP',
  'MS',
  'NF',
  'NU',
  'PN',
  'PR',
  'SH',
  'SJ',
  'SX',
  'TC',
  'TK',
  'TW',
  'VG',
  'VI',
];

/** Outside France and inhabited: a correspondent may cover it. */
export function isForeignCountry(code: string): boolean {
  return isCountryCode(code) && !FRANCE.includes(code) && !UNINHABITED.includes(code);
}

/** A sovereign foreign country: open to registration whether or not a correspondent covers it. */
export function isSovereignForeignCountry(code: string): boolean {
  return isForeignCountry(code) && !DEPENDENT_TERRITORIES.includes(code);
}

/** The country's name in every locale; an unknown code names itself (an old filter in a saved search). */
export function countryLabel(code: string): Label {
  return byCode.get(code)?.name ?? { fr: code, en: code, es: code, pt: code, ar: code, uk: code };
}

export function countryName(code: string, locale: Locale): string {
  return byCode.get(code)?.name[locale] ?? code;
}

export function isContinentCode(code: unknown): code is ContinentCode {
  return typeof code === 'string' && CONTINENTS.some((c) => c.code === code);
}
