import { isForeignCountry } from '../../reference/countries.js';
import { isThemeCode } from '../../reference/themes.js';
import { WATER_BASINS, type WaterBasin } from '../../reference/water-basins.js';
import { InvalidInput } from '../errors.js';

export const PROGRAMME_KINDS = ['call_for_projects', 'facility', 'one_percent', 'crisis_fund', 'eu'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
/** Who may apply: the French authority's type, plus the syndicats that run water, energy or waste services. */
export const APPLICANT_TYPES = ['commune', 'epci', 'syndicat', 'departement', 'region'] as const;

export interface ProgrammeInput {
  name: string;
  funder: string;
  kind: string;
  maxRatePercent: number | null;
  countries: string[];
  themes: string[];
  applicantTypes: string[];
  waterBasin: string | null;
  opensOn: string | null;
  closesOn: string | null;
  datesToConfirm: boolean;
  officialUrl: string;
  source: string;
  description: string;
}

// Control characters (other than tab/newline) never belong in a catalogue entry.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(raw: unknown, field: string, { min = 0, max }: { min?: number; max: number }): string {
  if (raw !== undefined && raw !== null && typeof raw !== 'string')
    throw new InvalidInput(field, `${field} must be text.`);
  const value = (raw ?? '').trim();
  if (CONTROL.test(value)) throw new InvalidInput(field, `${field} contains control characters.`);
  if (value.length < min) {
    throw min === 1
      ? new InvalidInput(field, `${field} is required.`, { reason: 'required' })
      : new InvalidInput(field, `${field} must have at least ${min} characters.`, { reason: 'min_length', min });
  }
  if (value.length > max)
    throw new InvalidInput(field, `${field} must have at most ${max} characters.`, { reason: 'max_length', max });
  return value;
}

function list(raw: unknown, field: string, valid: (v: string) => boolean, max = 250): string[] {
  const values = raw === undefined || raw === null || raw === '' ? [] : Array.isArray(raw) ? raw : [raw];
  if (values.length > max || !values.every((v): v is string => typeof v === 'string'))
    throw new InvalidInput(field, `${field} must be a list of codes.`);
  const bad = values.find((v) => !valid(v));
  if (bad !== undefined) throw new InvalidInput(field, `${field}: unknown code ${JSON.stringify(bad.slice(0, 20))}.`);
  return [...new Set(values)].sort();
}

function isoDate(raw: unknown, field: string): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw))
    throw new InvalidInput(field, `${field} must be a date like 2026-03-31.`);
  const parsed = new Date(`${raw}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== raw)
    throw new InvalidInput(field, `${field} is not a real date.`);
  return raw;
}

function httpUrl(raw: unknown, field: string): string {
  const value = text(raw, field, { min: 1, max: 500 });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidInput(field, `${field} must be a web address starting with https://.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InvalidInput(field, `${field} must be a web address starting with https://.`);
  if (url.username || url.password) throw new InvalidInput(field, `${field} must not carry a user name or password.`);
  return url.toString();
}

function rate(raw: unknown, field: string): number | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const value =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && /^\s*\d{1,3}\s*(%\s*)?$/.test(raw)
        ? Number.parseInt(raw, 10)
        : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > 100)
    throw new InvalidInput(field, `${field} must be a whole percentage between 1 and 100.`, {
      reason: 'range',
      min: 1,
      max: 100,
    });
  return value;
}

function flag(raw: unknown): boolean {
  return raw === true || raw === 'true' || raw === 'on' || raw === '1';
}

/** Checks a programme as an admin sends it (JSON body or form fields); the error names the field. */
export function validateProgramme(input: Record<string, unknown>): ProgrammeInput {
  const kind = text(input.kind, 'kind', { min: 1, max: 40 });
  if (!(PROGRAMME_KINDS as readonly string[]).includes(kind))
    throw new InvalidInput('kind', `kind must be one of ${PROGRAMME_KINDS.join(', ')}.`);
  const basin =
    input.waterBasin === undefined || input.waterBasin === null || input.waterBasin === ''
      ? null
      : text(input.waterBasin, 'waterBasin', { max: 40 });
  if (basin !== null && !WATER_BASINS.includes(basin as WaterBasin))
    throw new InvalidInput('waterBasin', `waterBasin must be one of ${WATER_BASINS.join(', ')}.`);
  const opensOn = isoDate(input.opensOn, 'opensOn');
  const closesOn = isoDate(input.closesOn, 'closesOn');
  if (opensOn && closesOn && opensOn > closesOn)
    throw new InvalidInput('closesOn', 'closesOn must not be before opensOn.');
  return {
    name: text(input.name, 'name', { min: 3, max: 200 }),
    funder: text(input.funder, 'funder', { min: 2, max: 200 }),
    kind,
    maxRatePercent: rate(input.maxRatePercent, 'maxRatePercent'),
    countries: list(input.countries, 'countries', isForeignCountry),
    themes: list(input.themes, 'themes', isThemeCode),
    applicantTypes: list(input.applicantTypes, 'applicantTypes', (t) =>
      (APPLICANT_TYPES as readonly string[]).includes(t),
    ),
    waterBasin: basin,
    opensOn,
    closesOn,
    datesToConfirm: flag(input.datesToConfirm),
    officialUrl: httpUrl(input.officialUrl, 'officialUrl'),
    source: text(input.source, 'source', { max: 2000 }),
    description: text(input.description, 'description', { max: 2000 }),
  };
}
