import { randomUUID } from 'node:crypto';
import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { InvalidInput, type InputProblem } from '../errors.js';
import { LISTING_FIELDS, REQUIRED_AT_CREATION, type ListingContent, type ListingField } from './fields.js';
import { contentProperties } from './schema.js';

// The rules are the schema's (schema.ts), the same the API declares; pages and scripts reach the domain without
// the API, so the domain checks them itself, names the failing field the way the API does and gives each
// refusal its reason code (pages translate the code, never the English text). Strings are trimmed first, so a
// length counts what is kept; then the result is normalised: empty → null, codes once, defaults.

type Input = Record<string, unknown>;
type SchemaNode = TSchema & Record<string, unknown>;
interface SchemaError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const schemaOf = (field: ListingField) => contentProperties[field] as unknown as SchemaNode;

function isObject(value: unknown): value is Input {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function trimmed(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(trimmed);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimmed(v)]));
  return value;
}

/** A list of codes ("themes"): a code given twice counts once, so its size is checked after removing repeats. */
function isCodeList(schema: SchemaNode): boolean {
  const items = schema.items as SchemaNode | undefined;
  return schema.type === 'array' && !!items && Array.isArray(items.enum);
}

/** What an absent list or object means: nothing chosen. */
function emptyOf(schema: SchemaNode): unknown {
  if (schema.type === 'array') return [];
  if (schema.type === 'object') return {};
  return null;
}

function at(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((v, key) => (isObject(v) || Array.isArray(v) ? (v as Input)[key] : undefined), value);
}

function schemaAt(schema: SchemaNode, schemaPath: string): SchemaNode {
  return schemaPath
    .split('/')
    .slice(1)
    .reduce<SchemaNode>(
      (s, key) => ((s as Input)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')] as SchemaNode) ?? s,
      schema,
    );
}

/** A TypeBox error as the domain's refusal: the field's dotted path, an English message, the reason code. */
function refusalOf(field: string, schema: SchemaNode, value: unknown, error: SchemaError): InvalidInput {
  const path = error.instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const rule = schemaAt(schema, error.schemaPath);
  const name = (parts: string[]) => [field, ...parts].join('.');
  const { params } = error;
  const refuse = (parts: string[], message: string, problem: Partial<InputProblem> & Input = {}) =>
    new InvalidInput(name(parts), `${name(parts)} ${message}`, problem);
  switch (error.keyword) {
    case 'required': {
      const missing = [...path, String((params.requiredProperties as string[])[0])];
      return refuse(missing, 'is required.', { reason: 'required' });
    }
    case 'additionalProperties': {
      const unknown = [...path, String((params.additionalProperties as string[])[0])];
      return refuse(unknown, rule.properties ? 'is not a known field.' : 'is not one of the accepted keys.');
    }
    case 'type': {
      const got = at(value, path);
      if (params.type === 'integer' || params.type === 'number')
        return refuse(path, 'must be a whole number, zero or more.', { reason: 'whole_number' });
      if (got === null || got === undefined) return refuse(path, 'is required.', { reason: 'required' });
      const kind = { string: 'text', array: 'a list', object: 'an object' }[String(params.type)] ?? String(params.type);
      return refuse(path, `must be ${kind}.`);
    }
    case 'minimum':
    case 'maximum':
      return refuse(path, 'must be a whole number, zero or more.', { reason: 'whole_number' });
    case 'minLength':
      return refuse(path, `must have at least ${String(params.limit)} characters.`, {
        reason: 'min_length',
        min: Number(params.limit),
      });
    case 'maxLength':
      return refuse(path, `must have at most ${String(params.limit)} characters.`, {
        reason: 'max_length',
        max: Number(params.limit),
      });
    case 'pattern':
      return refuse(path, 'is not a valid email address.', { reason: 'email' });
    case 'enum': {
      const allowed = params.allowedValues as readonly unknown[];
      return refuse(path, `must be one of ${allowed.join(', ')}.`, {
        allowedValues: allowed,
      });
    }
    case 'maxItems':
      return refuse(path, `takes at most ${String(params.limit)} values.`);
    case 'minItems':
      return refuse(path, `takes at least ${String(params.limit)} values.`);
    default:
      return refuse(path, 'is not valid.');
  }
}

/** The first refusal of one field's value by its schema, or null when it follows the rules. */
function check(field: ListingField, value: unknown): InvalidInput | null {
  const schema = schemaOf(field);
  const counted = isCodeList(schema);
  if (Value.Check(schema, value)) return null;
  for (const error of Value.Errors(schema, value) as Iterable<SchemaError>) {
    // A union with null (an optional text) reports each branch; the non-null branch says what is wrong.
    if (error.keyword === 'anyOf' || error.keyword === 'boolean') continue;
    if (error.keyword === 'type' && error.params.type === 'null') continue;
    if (counted && error.instancePath === '' && (error.keyword === 'minItems' || error.keyword === 'maxItems'))
      continue;
    return refusalOf(field, schema, value, error);
  }
  return counted ? null : new InvalidInput(field, `${field} is not valid.`);
}

function codes(field: ListingField, value: unknown[]): string[] {
  const schema = schemaOf(field);
  const unique = [...new Set(value as string[])];
  const min = (schema.minItems as number | undefined) ?? 0;
  const max = (schema.maxItems as number | undefined) ?? Infinity;
  if (unique.length < min || unique.length > max) {
    throw new InvalidInput(
      field,
      min === max ? `${field} needs exactly ${min}.` : `${field} needs between ${min} and ${max} values.`,
      { reason: 'count', min, max },
    );
  }
  return unique;
}

const orNull = (text: unknown) => (text === '' || text === undefined ? null : text);

/** A valid, trimmed value as the domain keeps it (`absent`: the author sent nothing or null). */
function normalised(field: ListingField, value: unknown, absent: boolean): unknown {
  const schema = schemaOf(field);
  if (isCodeList(schema)) return codes(field, value as unknown[]);
  switch (field) {
    case 'context':
    case 'difficulties':
    case 'objectives':
    case 'expectedFromFrance':
      return orNull(value);
    case 'desiredPartner': {
      if (absent) return {};
      const p = value as Input;
      const populationMin = (p.populationMin ?? null) as number | null;
      const populationMax = (p.populationMax ?? null) as number | null;
      if (populationMin !== null && populationMax !== null && populationMin > populationMax) {
        throw new InvalidInput(
          'desiredPartner.populationMax',
          'desiredPartner.populationMax must not be below populationMin.',
        );
      }
      return {
        types: [...new Set((p.types ?? []) as string[])],
        populationMin,
        populationMax,
        frenchRegions: p.frenchRegions ?? [],
        expertise: orNull(p.expertise ?? null),
      };
    }
    case 'electedOfficial':
    case 'technicalContact': {
      if (value === null) return null;
      const { name, email, title, phone } = value as Input;
      return { name, email, ...(title ? { title } : {}), ...(phone ? { phone } : {}) };
    }
    case 'translations':
      return Object.fromEntries(
        Object.entries(value as Record<string, Input>).map(([language, t]) => [
          language,
          {
            title: t.title,
            summary: t.summary,
            context: orNull(t.context),
            difficulties: orNull(t.difficulties),
            objectives: orNull(t.objectives),
            expectedFromFrance: orNull(t.expectedFromFrance),
          },
        ]),
      );
    case 'attachments':
      return (value as Input[]).map((a) => ({
        id: a.id ? a.id : randomUUID(),
        kind: a.kind,
        fileName: a.fileName,
        mimeType: a.mimeType,
        sizeBytes: a.sizeBytes,
      }));
    default:
      return value;
  }
}

/**
 * Checks and normalises what an author sent. `create` requires the essentials; `update` takes any subset.
 * Throws InvalidInput naming the first failing field, and every failing field in `details.errors` when several fail.
 */
export function validateListingContent(input: unknown, mode: 'create'): ListingContent;
export function validateListingContent(input: unknown, mode: 'update'): Partial<ListingContent>;
export function validateListingContent(input: unknown, mode: 'create' | 'update'): Partial<ListingContent> {
  if (!isObject(input)) throw new InvalidInput('body', 'The request must be a JSON object.');
  for (const key of Object.keys(input)) {
    if (!(LISTING_FIELDS as readonly string[]).includes(key))
      throw new InvalidInput(key, `${key} is not a known field.`);
  }
  if (mode === 'create') {
    for (const field of REQUIRED_AT_CREATION) {
      if (input[field] === undefined) throw new InvalidInput(field, `${field} is required.`, { reason: 'required' });
    }
  }
  const out: Partial<Record<ListingField, unknown>> = {};
  // Every field is checked, so a form can show all its mistakes at once rather than one per round trip.
  const refused: InvalidInput[] = [];
  for (const field of LISTING_FIELDS) {
    if (input[field] === undefined && mode === 'update') continue;
    const given = trimmed(input[field] ?? null);
    const value = given === null ? emptyOf(schemaOf(field)) : given;
    try {
      const refusal = check(field, value);
      if (refusal) throw refusal;
      out[field] = normalised(field, value, given === null);
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
