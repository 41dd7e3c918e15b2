import { COUNTRIES, countryName } from './countries.js';

/**
 * How French names each country in a sentence: its article ("la Colombie", "le Sénégal", "l'Équateur", "les Comores",
 * "Cuba") and its preposition of place ("en Colombie", "au Sénégal", "en Équateur", "aux Comores", "à Cuba").
 * Grammatical kind per country: f (feminine), m (masculine), p (plural), 0 (no article: most islands and cities).
 * The default is the rule of thumb (a name ending in -e is feminine, any other masculine); the table lists every
 * exception, checked one by one. A test makes sure every country of the list gets a form.
 */
type Kind = 'f' | 'm' | 'p' | '0';

const EXCEPTIONS: Record<string, Kind> = {
  // Masculine though ending in -e.
  MX: 'm',
  KH: 'm',
  MZ: 'm',
  ZW: 'm',
  BZ: 'm',
  SR: 'm',
  ME: 'm',
  GB: 'm',
  VA: 'm',
  // Plural.
  AE: 'p',
  BS: 'p',
  BM: 'p',
  CC: 'p',
  CK: 'p',
  FK: 'p',
  FO: 'p',
  FJ: 'p',
  HM: 'p',
  KM: 'p',
  KY: 'p',
  MH: 'p',
  MP: 'p',
  MV: 'p',
  NL: 'p',
  PH: 'p',
  PN: 'p',
  PW: 'p',
  SB: 'p',
  SC: 'p',
  TC: 'p',
  UM: 'p',
  US: 'p',
  VG: 'p',
  VI: 'p',
  AS: 'p',
  GS: 'p',
  TF: 'p',
  TO: 'p',
  // No article: islands, city-states and the like.
  AG: '0',
  AI: '0',
  AW: '0',
  BH: '0',
  BL: '0',
  BQ: '0',
  CU: '0',
  CW: '0',
  CY: '0',
  DJ: '0',
  GG: '0',
  GI: '0',
  GU: '0',
  HK: '0',
  HT: '0',
  IL: '0',
  IM: '0',
  JE: '0',
  KI: '0',
  KN: '0',
  LC: '0',
  MC: '0',
  MF: '0',
  MG: '0',
  MO: '0',
  MS: '0',
  MT: '0',
  MU: '0',
  NR: '0',
  NU: '0',
  OM: '0',
  PM: '0',
  PR: '0',
  SG: '0',
  SH: '0',
  SM: '0',
  ST: '0',
  SX: '0',
  TK: '0',
  TT: '0',
  TV: '0',
  TW: '0',
  VC: '0',
  WF: '0',
  YT: '0',
  AX: '0',
  BV: '0',
  CX: '0',
  NF: '0',
  SJ: '0',
  WS: '0',
  // Feminine not ending in -e, masculine ending in -e elsewhere in the table above; these are feminine.
  GQ: 'f',
  CD: 'f',
  CF: 'f',
  CG: 'f',
  CZ: 'f',
  DO: 'f',
  TZ: 'f',
  SZ: 'm',
  BA: 'f',
  KP: 'f',
  KR: 'f',
  MK: 'f',
  PG: 'f',
  NZ: 'f',
  EH: 'm',
  IO: 'm',
  GF: 'f',
  PF: 'f',
  NC: 'f',
  RE: 'f',
  MQ: 'f',
  GP: 'f',
  GW: 'f',
  AQ: 'f',
  GL: 'm',
  PS: 'f',
  // Masculine ending in -e, by usage.
  CV: 'm',
  KE: 'm',
  LS: 'm',
  BW: 'm',
  ML: 'm',
  TG: 'm',
};

/** Names said differently in a sentence than in a list. */
const IN_A_SENTENCE: Record<string, string> = {
  SV: 'Salvador',
  US: 'États-Unis',
  AE: 'Émirats arabes unis',
  SZ: 'Eswatini',
  TZ: 'Tanzanie',
  CZ: 'République tchèque',
  CF: 'République centrafricaine',
  DO: 'République dominicaine',
  BN: 'Brunei',
  VA: 'Saint-Siège',
  CI: 'Côte d’Ivoire',
  SA: 'Arabie saoudite',
  MF: 'Saint-Martin',
  SX: 'Saint-Martin',
  RE: 'Réunion',
};

/** Without an article, yet "en": "en Haïti", "en Israël". */
const IN_NOT_AT = new Set(['HT', 'IL']);

/** Feminine islands take "à la" rather than "en" ("à la Barbade", "à la Réunion"). */
const AT_THE = new Set(['BB', 'DM', 'GD', 'JM', 'GP', 'MQ', 'RE']);

const startsWithVowel = (name: string) => /^[AEIOUYÉÈÊÎÏÔÅ]/i.test(name) && !/^(Honduras|Hongrie)/.test(name);

function kindOf(code: string, name: string): Kind {
  return EXCEPTIONS[code] ?? (/e$/.test(name) ? 'f' : 'm');
}

export interface FrenchCountryForms {
  /** With its article: "la Colombie", "le Sénégal", "l'Équateur", "les Comores", "Cuba". */
  definite: string;
  /** Where: "en Colombie", "au Sénégal", "en Équateur", "aux Comores", "à Cuba". */
  locative: string;
}

/** The French article and preposition of a country (ISO 3166-1 alpha-2). */
export function frenchCountryForms(code: string): FrenchCountryForms {
  const name = IN_A_SENTENCE[code] ?? countryName(code, 'fr');
  const kind = kindOf(code, name);
  const vowel = startsWithVowel(name);
  switch (kind) {
    case 'p':
      return { definite: `les ${name}`, locative: `aux ${name}` };
    case '0':
      return { definite: name, locative: `${IN_NOT_AT.has(code) ? 'en' : 'à'} ${name}` };
    case 'f':
      if (AT_THE.has(code)) return { definite: `la ${name}`, locative: `à la ${name}` };
      return { definite: vowel ? `l’${name}` : `la ${name}`, locative: `en ${name}` };
    default:
      return vowel
        ? { definite: `l’${name}`, locative: `en ${name}` }
        : { definite: `le ${name}`, locative: `au ${name}` };
  }
}

/** Every country's forms, for the test that proves the table covers the whole list. */
export const allFrenchCountryForms = () => COUNTRIES.map((c) => ({ code: c.code, ...frenchCountryForms(c.code) }));
