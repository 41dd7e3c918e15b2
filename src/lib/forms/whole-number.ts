/**
 * Reads a whole number (euros, months, inhabitants) as people write it in their language: "120 000 €" (spaces,
 * no-break or narrow no-break spaces), "120.000" in French or Spanish, "120,000" in English, "1'200", "120 000,00 €".
 * Returns the number, null for an empty field, or the text unchanged when it is not a whole number, so the domain
 * refuses it with its usual message (never guessing: "120.5" or "1,5" are not whole numbers; in English "120.000" is
 * a decimal, refused rather than read as 120).
 */
export function parseWholeNumber(raw: string, locale: string): number | string | null {
  const text = raw.trim();
  if (text === '') return null;
  const decimal = locale === 'en' ? '.' : ',';
  const group = locale === 'en' ? ',' : '.';
  // Currency signs and words around the figure, then every kind of space and the apostrophe used as separators.
  let figure = text
    .replace(/^(?:€|eur|euros?|\$|usd|us\$)\s*/i, '')
    .replace(/\s*(?:€|eur|euros?|\$|usd|hab\.?|habitants?|inhabitants|habitantes|mois|months?|meses?)$/i, '')
    .replace(/[\s\u00a0\u202f\u2009'’]/g, '');
  // A decimal part of zeros only ("120 000,00") says nothing more.
  const cents = figure.lastIndexOf(decimal);
  if (cents !== -1 && /^\d{1,2}$/.test(figure.slice(cents + 1)) && /^0+$/.test(figure.slice(cents + 1)))
    figure = figure.slice(0, cents);
  // Group separators must separate groups of three digits: "1.200.000" yes, "1.2" no.
  const grouped = new RegExp(`^\\d{1,3}(?:\\${group}\\d{3})+$`);
  if (grouped.test(figure)) figure = figure.split(group).join('');
  if (!/^\d+$/.test(figure)) return text;
  const value = Number(figure);
  return Number.isSafeInteger(value) ? value : text;
}
