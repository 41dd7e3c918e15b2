import { randomUUID } from 'node:crypto';
import {
  CONTRIBUTION_CODES,
  FORM_CODES,
  FRENCH_TYPE_CODES,
  LANGUAGE_CODES,
  THEME_CODES,
} from '../../reference/index.js';
import { InvalidInput } from '../errors.js';
import {
  ATTACHMENT_KINDS,
  LISTING_FIELDS,
  LISTING_LIMITS as L,
  REQUIRED_AT_CREATION,
  type ListingContent,
  type ListingField,
} from './fields.js';

// The API's TypeBox schemas reject most of this earlier; pages and scripts reach the domain without them,
// so the rules live here once and name the failing field the same way.

type Input = Record<string, unknown>;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isObject(value: unknown): value is Input {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejectUnknown(value: Input, known: readonly string[], prefix: string): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw new InvalidInput(`${prefix}${key}`, `${prefix}${key} is not a known field.`);
  }
}

function text(
  field: string,
  value: unknown,
  { min = 0, max = L.textMax as number, nullable = true } = {},
): string | null {
  if (value === null || value === undefined) {
    if (nullable && min === 0) return null;
    throw new InvalidInput(field, `${field} is required.`, { reason: 'required' });
  }
  if (typeof value !== 'string') throw new InvalidInput(field, `${field} must be text.`);
  const trimmed = value.trim();
  if (trimmed.length < min)
    throw new InvalidInput(field, `${field} must have at least ${min} characters.`, { reason: 'min_length', min });
  if (trimmed.length > max)
    throw new InvalidInput(field, `${field} must have at most ${max} characters.`, { reason: 'max_length', max });
  return nullable && trimmed === '' ? null : trimmed;
}

function count(field: string, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 2_147_483_647) {
    throw new InvalidInput(field, `${field} must be a whole number, zero or more.`, { reason: 'whole_number' });
  }
  return value;
}

function codes(
  field: string,
  value: unknown,
  allowed: readonly string[],
  { min = 0, max = allowed.length } = {},
): string[] {
  if (value === null || value === undefined) value = [];
  if (!Array.isArray(value)) throw new InvalidInput(field, `${field} must be a list.`);
  value.forEach((code, i) => {
    if (typeof code !== 'string' || !allowed.includes(code)) {
      throw new InvalidInput(`${field}.${i}`, `${field}: "${String(code)}" is not one of ${allowed.join(', ')}.`, {
        allowedValues: allowed,
      });
    }
  });
  const unique = [...new Set(value as string[])];
  if (unique.length < min || unique.length > max) {
    throw new InvalidInput(
      field,
      min === max ? `${field} needs exactly ${min}.` : `${field} needs between ${min} and ${max} values.`,
      { reason: 'count', min, max },
    );
  }
  return unique;
}

function language(field: string, value: unknown): string {
  if (typeof value !== 'string' || !LANGUAGE_CODES.includes(value)) {
    throw new InvalidInput(field, `${field} must be one of ${LANGUAGE_CODES.join(', ')}.`, {
      allowedValues: LANGUAGE_CODES,
    });
  }
  return value;
}

function contact(field: string, value: unknown): ListingContent['electedOfficial'] {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) throw new InvalidInput(field, `${field} must be an object.`);
  rejectUnknown(value, ['name', 'title', 'email', 'phone'], `${field}.`);
  const email = text(`${field}.email`, value.email, { min: 3, max: 254, nullable: false })!;
  if (!EMAIL.test(email))
    throw new InvalidInput(`${field}.email`, `${field}.email is not a valid email address.`, { reason: 'email' });
  const title = text(`${field}.title`, value.title, { max: L.shortTextMax });
  const phone = text(`${field}.phone`, value.phone, { max: 40 });
  return {
    name: text(`${field}.name`, value.name, { min: 1, max: L.shortTextMax, nullable: false })!,
    email,
    ...(title ? { title } : {}),
    ...(phone ? { phone } : {}),
  };
}

function desiredPartner(value: unknown): ListingContent['desiredPartner'] {
  if (value === null || value === undefined) return {};
  if (!isObject(value)) throw new InvalidInput('desiredPartner', 'desiredPartner must be an object.');
  rejectUnknown(value, ['types', 'populationMin', 'populationMax', 'frenchRegions', 'expertise'], 'desiredPartner.');
  const populationMin = count('desiredPartner.populationMin', value.populationMin);
  const populationMax = count('desiredPartner.populationMax', value.populationMax);
  if (populationMin !== null && populationMax !== null && populationMin > populationMax) {
    throw new InvalidInput(
      'desiredPartner.populationMax',
      'desiredPartner.populationMax must not be below populationMin.',
    );
  }
  const regions = value.frenchRegions ?? [];
  if (!Array.isArray(regions) || regions.some((r) => typeof r !== 'string' || r.length > 100) || regions.length > 20) {
    throw new InvalidInput(
      'desiredPartner.frenchRegions',
      'desiredPartner.frenchRegions must be a list of at most 20 region names.',
    );
  }
  return {
    types: codes('desiredPartner.types', value.types, FRENCH_TYPE_CODES),
    populationMin,
    populationMax,
    frenchRegions: regions as string[],
    expertise: text('desiredPartner.expertise', value.expertise, { max: L.summaryMax }),
  };
}

function translation(field: string, value: unknown): ListingContent['translations'][string] {
  if (!isObject(value)) throw new InvalidInput(field, `${field} must be an object.`);
  rejectUnknown(
    value,
    ['title', 'summary', 'context', 'difficulties', 'objectives', 'expectedFromFrance'],
    `${field}.`,
  );
  return {
    title: text(`${field}.title`, value.title, { min: L.titleMin, max: L.titleMax, nullable: false })!,
    summary: text(`${field}.summary`, value.summary, { max: L.summaryMax, nullable: false }) ?? '',
    context: text(`${field}.context`, value.context),
    difficulties: text(`${field}.difficulties`, value.difficulties),
    objectives: text(`${field}.objectives`, value.objectives),
    expectedFromFrance: text(`${field}.expectedFromFrance`, value.expectedFromFrance),
  };
}

function translations(value: unknown): ListingContent['translations'] {
  if (value === null || value === undefined) return {};
  if (!isObject(value))
    throw new InvalidInput('translations', 'translations must map a language code to a translated text.');
  const out: ListingContent['translations'] = {};
  for (const [lang, t] of Object.entries(value)) {
    out[language(`translations.${lang}`, lang)] = translation(`translations.${lang}`, t);
  }
  return out;
}

function attachments(value: unknown): ListingContent['attachments'] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value) || value.length > L.attachmentsMax) {
    throw new InvalidInput('attachments', `attachments must be a list of at most ${L.attachmentsMax} files.`);
  }
  return value.map((a, i) => {
    const field = `attachments.${i}`;
    if (!isObject(a)) throw new InvalidInput(field, `${field} must be an object.`);
    rejectUnknown(a, ['id', 'kind', 'fileName', 'mimeType', 'sizeBytes'], `${field}.`);
    if (typeof a.kind !== 'string' || !(ATTACHMENT_KINDS as readonly string[]).includes(a.kind)) {
      throw new InvalidInput(`${field}.kind`, `${field}.kind must be one of ${ATTACHMENT_KINDS.join(', ')}.`, {
        allowedValues: ATTACHMENT_KINDS,
      });
    }
    return {
      id: typeof a.id === 'string' && a.id ? a.id : randomUUID(),
      kind: a.kind as (typeof ATTACHMENT_KINDS)[number],
      fileName: text(`${field}.fileName`, a.fileName, { min: 1, max: 255, nullable: false })!,
      mimeType: text(`${field}.mimeType`, a.mimeType, { min: 3, max: 100, nullable: false })!,
      sizeBytes: count(`${field}.sizeBytes`, a.sizeBytes) ?? 0,
    };
  });
}

const PARSERS: { [K in ListingField]: (value: unknown) => ListingContent[K] } = {
  originalLanguage: (v) => language('originalLanguage', v),
  title: (v) => text('title', v, { min: L.titleMin, max: L.titleMax, nullable: false })!,
  summary: (v) => text('summary', v, { max: L.summaryMax, nullable: false }) ?? '',
  context: (v) => text('context', v),
  difficulties: (v) => text('difficulties', v),
  objectives: (v) => text('objectives', v),
  expectedFromFrance: (v) => text('expectedFromFrance', v),
  contributionTypes: (v) => codes('contributionTypes', v, CONTRIBUTION_CODES),
  desiredPartner,
  forms: (v) => codes('forms', v, FORM_CODES),
  themes: (v) => codes('themes', v, THEME_CODES, { min: L.themesMin, max: L.themesMax }),
  durationMonths: (v) => count('durationMonths', v),
  budgetEur: (v) => count('budgetEur', v),
  localContributionEur: (v) => count('localContributionEur', v),
  exchangeLanguages: (v) => codes('exchangeLanguages', v, LANGUAGE_CODES),
  electedOfficial: (v) => contact('electedOfficial', v),
  technicalContact: (v) => contact('technicalContact', v),
  translations,
  attachments,
};

/**
 * Checks and normalises what an author sent. `create` requires the essentials; `update` takes any subset.
 * Throws InvalidInput naming the first failing field, and every failing field in `details.errors` when several fail.
 */
export function validateListingContent(input: unknown, mode: 'create'): ListingContent;
export function validateListingContent(input: unknown, mode: 'update'): Partial<ListingContent>;
export function validateListingContent(input: unknown, mode: 'create' | 'update'): Partial<ListingContent> {
  if (!isObject(input)) throw new InvalidInput('body', 'The request must be a JSON object.');
  rejectUnknown(input, LISTING_FIELDS, '');
  if (mode === 'create') {
    for (const field of REQUIRED_AT_CREATION) {
      if (input[field] === undefined) throw new InvalidInput(field, `${field} is required.`, { reason: 'required' });
    }
  }
  const out: Partial<Record<ListingField, unknown>> = {};
  // Every field is checked, so a form can show all its mistakes at once rather than one per round trip.
  const refused: InvalidInput[] = [];
  for (const field of LISTING_FIELDS) {
    try {
      if (input[field] !== undefined) out[field] = PARSERS[field](input[field]);
      else if (mode === 'create') out[field] = PARSERS[field](null);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      refused.push(error);
    }
  }
  if (refused.length === 1) throw refused[0];
  if (refused.length > 1) {
    const [first] = refused;
    throw new InvalidInput(String(first!.details.field), first!.message, {
      errors: refused.map((e) => ({ ...e.details, field: e.details.field, message: e.message })),
    });
  }
  return out as Partial<ListingContent>;
}
