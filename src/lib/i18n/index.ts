/**
 * The one import pages need for text: `m.key(params)` messages (Paraglide, compiled from messages/<area>/<locale>.json),
 * the current locale, locale-aware links, reference-data labels and Intl formatting.
 */
import type { Label } from '$lib/reference';
import { languageDirection } from '$lib/reference/i18n-label';
import { baseLocale, getLocale, locales, localizeHref, type Locale } from '$lib/paraglide/runtime';

export { m } from '$lib/paraglide/messages';
export { getLocale, locales, localizeHref, deLocalizeHref, type Locale } from '$lib/paraglide/runtime';

/** The native name of each locale, for the language switcher (always written in that language). */
export const LOCALE_NAMES: Record<Locale, string> = {
  fr: 'Français',
  en: 'English',
  es: 'Español',
  pt: 'Português',
  ar: 'العربية',
  uk: 'Українська',
};

/** Writing direction of each locale: Arabic pages are laid out right to left (`<html dir="rtl">`). */
export const textDirection = (locale: Locale): 'ltr' | 'rtl' => languageDirection(locale);

/**
 * A same-site path the URL parser would leave exactly as written: no `//`, no dot segment, no backslash, no character
 * it percent-encodes. For those, `href` computes the locale prefix itself (see below); anything else goes through
 * Paraglide's `localizeHref`.
 */
const PLAIN_PATH = /^\/(?!\/)[\w\-.~!$&*+,;=:@%/]*(?:\?[\w\-.~!$&()*+,;=:@%/?]+)?(?:#[\w\-.~!$&()*+,;=:@%/?]+)?$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?#]|$)/;
const LOCALE_BY_LOWERCASE = new Map<string, Locale>(locales.map((l) => [l.toLowerCase(), l]));

/**
 * `localizeHref` for a plain path, without building three URL objects per link: a search page writes ~60 links, and
 * Paraglide's version was a quarter of the page's render time under load. Same rule (default URL pattern): the first
 * segment, if it names a locale in any case, is the current prefix; French is unprefixed. tests/i18n-href.test.ts
 * checks it against `localizeHref` on every shape of link the pages write.
 */
function localizePlainPath(path: string, locale: Locale): string {
  const end = path.search(/[?#]/);
  const pathname = end === -1 ? path : path.slice(0, end);
  const rest = end === -1 ? '' : path.slice(end);
  const segments = pathname.replace(/^\/+/, '').split('/');
  const current = LOCALE_BY_LOWERCASE.get(segments[0]!.toLowerCase());
  if ((current ?? baseLocale) === locale) return path;
  if (current) segments.shift();
  const unprefixed = `/${segments.join('/')}`;
  return (locale === baseLocale ? unprefixed : `/${locale}${unprefixed}`) + rest;
}

/** A link in the current locale: `href('/recherche')` is `/en/recherche` on an English page. */
export function href(path: string, locale?: Locale): string {
  const localized =
    PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path)
      ? localizePlainPath(path, locale ?? getLocale())
      : localizeHref(path, locale ? { locale } : undefined);
  // `/en/` → `/en`: SvelteKit would redirect the trailing slash anyway.
  return localized.replace(/^(\/[a-z]{2})\/(?=$|[?#])/, '$1');
}

/**
 * "Population : 12 000" in French (a no-break space before the colon), "Population: 12,000" in the other languages.
 */
export function labelled(name: string, value: string, locale: Locale = getLocale()): string {
  return locale === 'fr' ? `${name}\u00a0: ${value}` : `${name}: ${value}`;
}

/** The label of a reference value (country, theme, form…) in the current locale. */
export const label = (value: Label | undefined, locale: Locale = getLocale()): string => value?.[locale] ?? '';

// Arabic with Western digits (`nu-latn`): the Maghreb authorities the Arabic interface serves (Morocco, Tunisia,
// Mauritania) write numbers that way, and figures stay comparable with the French original of a request.
const intlLocale: Record<Locale, string> = {
  fr: 'fr-FR',
  en: 'en-GB',
  es: 'es-ES',
  pt: 'pt-PT',
  ar: 'ar-u-nu-latn',
  uk: 'uk-UA',
};

/** The BCP 47 tag the Intl formatters of a locale use (for a browser that formats the same way). */
export const intlLocaleOf = (locale: Locale): string => intlLocale[locale];

/**
 * One Intl formatter per locale and kind, built on first use: constructing one costs far more than formatting with it
 * (a search page formats ~100 numbers; building a NumberFormat each time was 5 % of the server's CPU under load).
 */
function cachedPerLocale<T>(build: (intl: string) => T): (locale: Locale) => T {
  const cache = new Map<Locale, T>();
  return (locale) => {
    let formatter = cache.get(locale);
    if (formatter === undefined) cache.set(locale, (formatter = build(intlLocale[locale])));
    return formatter;
  };
}

const numberFormat = cachedPerLocale((intl) => new Intl.NumberFormat(intl));
const pluralRules = cachedPerLocale((intl) => new Intl.PluralRules(intl));
const dateFormat = cachedPerLocale(
  (intl) => new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone: 'Europe/Paris' }),
);
const dateTimeFormat = cachedPerLocale(
  (intl) => new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }),
);
const euroFormat = cachedPerLocale(
  (intl) => new Intl.NumberFormat(intl, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
);
const relativeTimeFormat = cachedPerLocale((intl) => new Intl.RelativeTimeFormat(intl, { numeric: 'auto' }));

export function formatNumber(value: number, locale: Locale = getLocale()): string {
  // Every locale of the app writes 0–999 as plain Latin digits (Arabic too: ar-u-nu-latn); skipping Intl for them
  // spares the browser its first Intl.NumberFormat (tens of ms at hydration) on pages that only count small numbers.
  if (Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
  return numberFormat(locale).format(value);
}

/**
 * A count in words, singular or plural by the locale's rules (French says "0 demande", English "0 requests"):
 * `countText(n, m.search_results_count_one, m.search_results_count_other)`. The count is formatted for the locale.
 */
export function countText<P extends object>(
  count: number,
  one: (inputs: P & { count: string }) => string,
  other: (inputs: P & { count: string }) => string,
  params: P = {} as P,
): string {
  const locale = getLocale();
  const message = pluralRules(locale).select(count) === 'one' ? one : other;
  return message({ ...params, count: formatNumber(count, locale) });
}

export function formatDate(value: Date | string | null | undefined, locale: Locale = getLocale()): string {
  if (!value) return '';
  return dateFormat(locale).format(new Date(value));
}

export function formatDateTime(value: Date | string | null | undefined, locale: Locale = getLocale()): string {
  if (!value) return '';
  return dateTimeFormat(locale).format(new Date(value));
}

export function formatEuros(value: number | null | undefined, locale: Locale = getLocale()): string {
  if (value === null || value === undefined) return '';
  return euroFormat(locale).format(value);
}

/** "3 days ago" in the current locale. */
export function formatRelativeDays(days: number, locale: Locale = getLocale()): string {
  return relativeTimeFormat(locale).format(-days, 'day');
}

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (locales as readonly string[]).includes(value);

/** A duration given in hours, as people read it: "4 min", "2 h 30 min", "26 h" (never "0 h" for four minutes). */
export function formatHours(hours: number, locale: Locale = getLocale()): string {
  const minutes = Math.round(hours * 60);
  if (minutes < 60) return `${formatNumber(minutes, locale)}\u00a0min`;
  const h = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 || h >= 24
    ? `${formatNumber(Math.round(hours), locale)}\u00a0h`
    : `${formatNumber(h, locale)}\u00a0h\u00a0${formatNumber(rest, locale)}\u00a0min`;
}

/** The colon between a label and its value: French puts a no-break space before it, English and Spanish do not. */
export const colon = (locale: Locale = getLocale()): string => (locale === 'fr' ? '\u00a0: ' : ': ');
