import { COUNTRIES, THEMES, isForeignCountry } from '../../../reference/index.js';
import { InvalidInput } from '../../errors.js';
import { IMPORT_LIMITS } from './limits.js';

/** What a row of an import says, field by field; each field is read from one column of the file. */
export const IMPORT_FIELDS = [
  'frenchCode',
  'frenchName',
  'foreignName',
  'country',
  'themes',
  'startYear',
  'endYear',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Field → index of the file's column (null: not in the file). */
export type ImportMapping = Record<ImportField, number | null>;

/** Lower case, no accents, words only: "Année de début" → "annee de debut". */
export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

// Tried in this order, so "Collectivité partenaire" is the foreign side before "collectivité" means the French one,
// and "Année de fin" is the end before "année" means the start. French and English headers.
const HEADER_PATTERNS: Array<[ImportField, RegExp]> = [
  ['country', /\b(pays|country|nation)\b/],
  ['frenchCode', /\b(insee|siren|siret|cog|code)\b/],
  ['endYear', /\b(fin|end|ended|until|jusqu)\b/],
  ['startYear', /\b(debut|depuis|annee|annees|start|started|since|year|years|periode|period|date)\b/],
  ['themes', /\b(themes?|thematiques?|secteurs?|domaines?|sectors?|topics?)\b/],
  ['foreignName', /\b(partenaire|partenaires|etrangere?|foreign|partner|homologue)\b/],
  ['frenchName', /\b(collectivite|collectivites|francaise|french|ville|commune|authority|municipality)\b/],
];

/** The mapping guessed from the header row: each field takes the first column that names it. */
export function guessMapping(headers: readonly string[]): ImportMapping {
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ImportMapping;
  headers.forEach((header, index) => {
    const words = fold(header);
    const field = HEADER_PATTERNS.find(([f, pattern]) => mapping[f] === null && pattern.test(words))?.[0];
    if (field) mapping[field] = index;
  });
  return mapping;
}

/**
 * The mapping the admin chose (field → column index as text, '' for none), checked against the file: the foreign
 * authority, its country and one way to name the French authority are needed.
 */
export function parseMapping(raw: Record<string, unknown>, columns: number): ImportMapping {
  const mapping = {} as ImportMapping;
  for (const field of IMPORT_FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null || value === '') {
      mapping[field] = null;
      continue;
    }
    const index = typeof value === 'number' ? value : /^\d{1,3}$/.test(String(value)) ? Number(value) : NaN;
    if (!Number.isInteger(index) || index < 0 || index >= columns)
      throw new InvalidInput(field, `${field} must be one of the file's columns.`);
    mapping[field] = index;
  }
  for (const field of ['foreignName', 'country'] as const)
    if (mapping[field] === null)
      throw new InvalidInput(field, `Choose the column of ${field}.`, { reason: 'required' });
  if (mapping.frenchCode === null && mapping.frenchName === null)
    throw new InvalidInput('frenchName', 'Choose the column of the French authority (its name or its code).', {
      reason: 'required',
    });
  return mapping;
}

/** Why a row cannot be imported as it stands (shown in the report in the admin's language). */
export type InvalidReason =
  | 'control_characters'
  | 'cell_too_long'
  | 'formula'
  | 'french_missing'
  | 'foreign_missing'
  | 'foreign_name_length'
  | 'country_unknown'
  | 'country_france'
  | 'year_invalid'
  | 'years_order';

export interface MappedRow {
  frenchCode: string | null;
  frenchName: string | null;
  /** The kind of French authority the name says ("Département du Rhône"), to tell it from its homonyms. */
  frenchType: string | null;
  foreignName: string;
  country: string;
  themes: string[];
  /** Themes of the file that match none of ours: the row is imported without them, and the report says so. */
  unknownThemes: string[];
  startedOn: string | null;
  endedOn: string | null;
}

export type MapOutcome = { ok: true; row: MappedRow } | { ok: false; reason: InvalidReason; field: ImportField };

const countryByName = new Map<string, string>();
for (const c of COUNTRIES) {
  countryByName.set(fold(c.code), c.code);
  for (const name of Object.values(c.name)) countryByName.set(fold(name), c.code);
}
const themeByName = new Map<string, string>();
for (const t of THEMES) {
  themeByName.set(fold(t.code), t.code);
  for (const name of Object.values(t.name)) themeByName.set(fold(name), t.code);
}

// "Ville de Lannion", "Département des Côtes-d'Armor": the words before the name say what kind of authority it is.
const FRENCH_PREFIXES: Array<[RegExp, string | null]> = [
  [/^(conseil departemental|departement)( de la| de l'| de| du| des| d')\s*/i, 'departement'],
  [/^(conseil regional|region)( de la| de l'| de| du| des| d')?\s*/i, 'region'],
  [/^(ville|commune|mairie)( de la| de l'| de| du| des| d')\s*/i, 'commune'],
];

function frenchNameAndType(raw: string): { name: string; type: string | null } {
  const plain = raw.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'");
  for (const [pattern, type] of FRENCH_PREFIXES) {
    const match = pattern.exec(plain);
    if (match) return { name: raw.slice(match[0].length).trim(), type };
  }
  return { name: raw, type: null };
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const FORMULA = /^[=+\-@\t\r]/;
const YEAR = /^(\d{4})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RANGE = /^(\d{4})\s*[-–—/]\s*(\d{4})$/;

function dateOf(text: string, end: boolean): string | null | 'invalid' {
  if (!text) return null;
  const year = YEAR.exec(text) ?? null;
  const y = year ? Number(year[1]) : DATE.test(text) ? Number(text.slice(0, 4)) : NaN;
  if (!Number.isInteger(y) || y < 1945 || y > new Date().getUTCFullYear() + 1) return 'invalid';
  if (year) return end ? `${y}-12-31` : `${y}-01-01`;
  return Number.isNaN(Date.parse(text)) ? 'invalid' : text;
}

/** One row of the file read through the mapping: the values to import, or why the row cannot be. */
export function mapRow(cells: readonly string[], mapping: ImportMapping): MapOutcome {
  const get = (field: ImportField) => (mapping[field] === null ? '' : (cells[mapping[field]!] ?? '').trim());
  for (const field of IMPORT_FIELDS) {
    const value = get(field);
    if (CONTROL.test(value)) return { ok: false, reason: 'control_characters', field };
    if (value.length > IMPORT_LIMITS.maxCell) return { ok: false, reason: 'cell_too_long', field };
  }
  for (const field of ['frenchName', 'foreignName'] as const)
    if (FORMULA.test(get(field))) return { ok: false, reason: 'formula', field };

  const frenchCode = get('frenchCode').replace(/\s+/g, '').toUpperCase() || null;
  const french = frenchNameAndType(get('frenchName').replace(/\s+/g, ' '));
  if (!frenchCode && french.name.length < 2) return { ok: false, reason: 'french_missing', field: 'frenchName' };
  const foreignName = get('foreignName').replace(/\s+/g, ' ');
  if (!foreignName) return { ok: false, reason: 'foreign_missing', field: 'foreignName' };
  if (foreignName.length < 2 || foreignName.length > 200)
    return { ok: false, reason: 'foreign_name_length', field: 'foreignName' };
  const country = countryByName.get(fold(get('country')));
  if (!country) return { ok: false, reason: 'country_unknown', field: 'country' };
  if (!isForeignCountry(country)) return { ok: false, reason: 'country_france', field: 'country' };

  const themes = new Set<string>();
  const unknownThemes: string[] = [];
  for (const part of get('themes').split(/[;,|\n]/)) {
    const text = part.trim();
    if (!text) continue;
    const code = themeByName.get(fold(text));
    if (code) themes.add(code);
    else unknownThemes.push(text.slice(0, 100));
  }

  let startText = get('startYear');
  let endText = get('endYear');
  const range = RANGE.exec(startText);
  if (range) [startText, endText] = [range[1]!, endText || range[2]!];
  const startedOn = dateOf(startText, false);
  if (startedOn === 'invalid') return { ok: false, reason: 'year_invalid', field: 'startYear' };
  const endedOn = dateOf(endText, true);
  if (endedOn === 'invalid') return { ok: false, reason: 'year_invalid', field: 'endYear' };
  if (startedOn && endedOn && endedOn < startedOn) return { ok: false, reason: 'years_order', field: 'endYear' };

  return {
    ok: true,
    row: {
      frenchCode,
      frenchName: french.name.length >= 2 ? french.name : null,
      frenchType: french.type,
      foreignName,
      country,
      themes: [...themes],
      unknownThemes,
      startedOn,
      endedOn,
    },
  };
}
