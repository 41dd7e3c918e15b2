import { InvalidInput } from '../errors.js';

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/;

/** Trimmed and checked; the case is kept (uniqueness is case-insensitive in the database). */
export function normaliseEmail(raw: string, field = 'email'): string {
  const email = raw.trim();
  if (email.length > 254 || !EMAIL.test(email))
    throw new InvalidInput(field, 'This is not a valid email address.', { reason: 'email' });
  return email;
}

export function normaliseName(raw: string, field: string, max = 120): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name.length < 2)
    throw new InvalidInput(field, 'This field must have at least 2 characters.', { reason: 'min_length', min: 2 });
  if (name.length > max)
    throw new InvalidInput(field, `This field must have at most ${max} characters.`, { reason: 'max_length', max });
  return name;
}

export function optionalText(raw: string | null | undefined, field: string, max = 200): string | null {
  const text = raw?.replace(/\s+/g, ' ').trim() ?? '';
  if (text.length > max)
    throw new InvalidInput(field, `This field must have at most ${max} characters.`, { reason: 'max_length', max });
  return text || null;
}

export const LOCALES = ['fr', 'en', 'es', 'pt', 'ar', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];

export function normaliseLocale(raw: string | null | undefined, field = 'locale'): Locale {
  if (raw === undefined || raw === null || raw === '') return 'fr';
  if (!(LOCALES as readonly string[]).includes(raw))
    throw new InvalidInput(field, 'The language must be fr, en, es, pt, ar or uk.');
  return raw as Locale;
}
