import { m } from '../../paraglide/messages.js';

/** The languages mails are written in: the interface's. A person's stored language outside them reads French. */
export type MailLocale = 'fr' | 'en' | 'es' | 'pt' | 'ar' | 'uk';
export const MAIL_LOCALES: readonly MailLocale[] = ['fr', 'en', 'es', 'pt', 'ar', 'uk'];

export function mailLocale(locale: string | null | undefined): MailLocale {
  return (MAIL_LOCALES as readonly string[]).includes(locale ?? '') ? (locale as MailLocale) : 'fr';
}

/** A link that opens in the reader's language: French pages are unprefixed, the others live under /en, /es, /pt, /ar, /uk. */
export function localizedUrl(origin: string, locale: MailLocale, path: string): string {
  return `${origin}${locale === 'fr' ? '' : `/${locale}`}${path}`;
}

const INTL: Record<MailLocale, string> = {
  fr: 'fr-FR',
  en: 'en-GB',
  es: 'es-ES',
  pt: 'pt-PT',
  ar: 'ar-u-nu-latn',
  uk: 'uk-UA',
};

/**
 * French typography: the typographic apostrophe, a no-break space before the colon and inside guillemets, a narrow
 * one before ; ! ? — so a mail never wraps a lone "?" or "»" onto the next line. English and Spanish need nothing.
 */
export function typography(text: string, locale: MailLocale): string {
  if (locale !== 'fr') return text;
  return text
    .replace(/'/g, '’')
    .replace(/ :/g, '\u00a0:')
    .replace(/ ([;!?])/g, '\u202f$1')
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»');
}

type MessageFn = (inputs: Record<string, string>, options: { locale: MailLocale }) => string;
const messages = m as unknown as Record<string, MessageFn>;

/** A message of the interface's files, in the given language, with its typography. */
export function message(key: string, params: Record<string, string>, locale: MailLocale): string {
  const fn = messages[key];
  if (!fn) throw new Error(`missing message ${key}`);
  return typography(fn(params, { locale }), locale);
}

export function hasMessage(key: string): boolean {
  return typeof messages[key] === 'function';
}

/** `key_one` or `key_other` by the language's plural rules, with the count formatted for it. */
export function countMessage(key: string, count: number, params: Record<string, string>, locale: MailLocale): string {
  const form = new Intl.PluralRules(INTL[locale]).select(count) === 'one' ? 'one' : 'other';
  return message(`${key}_${form}`, { ...params, count: new Intl.NumberFormat(INTL[locale]).format(count) }, locale);
}

export function formatMailDate(value: Date | string, locale: MailLocale): string {
  return new Intl.DateTimeFormat(INTL[locale], { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(value));
}
