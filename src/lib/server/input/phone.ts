import { InvalidInput } from '../errors.js';

/**
 * The one reading of a telephone number typed by a person: digits with the usual separators (spaces, dots, dashes,
 * brackets) and an optional leading +, 6 to 15 digits (E.164's maximum). What is stored is the number as typed with
 * its spaces collapsed, so "+221 33 849 51 00" keeps the shape readers of that country expect.
 */
const SHAPE = /^\+?[0-9][0-9 .()-]*[0-9]$/;

export const PHONE_REASON = 'phone' as const;

/** The tidied number, null for an empty value; InvalidInput naming `field` otherwise. */
export function parsePhone(raw: unknown, field: string): string | null {
  if (raw === null || raw === undefined) return null;
  const refuse = () =>
    new InvalidInput(field, 'Enter a telephone number: digits, spaces and an optional leading +.', {
      reason: PHONE_REASON,
    });
  if (typeof raw !== 'string') throw refuse();
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  const digits = text.replace(/\D/g, '').length;
  if (text.length > 40 || !SHAPE.test(text) || digits < 6 || digits > 15) throw refuse();
  return text;
}
