/**
 * The one import pages need for text: `m.key(params)` messages (Paraglide, compiled from messages/<area>/<locale>.json),
 * the current locale, locale-aware links, reference-data labels and Intl formatting.
 */
import type { Label } from '$lib/reference';
import { getLocale, locales, localizeHref, type Locale } from '$lib/paraglide/runtime';

export { m } from '$lib/paraglide/messages';
export { getLocale, locales, localizeHref, deLocalizeHref, type Locale } from '$lib/paraglide/runtime';

/** The native name of each locale, for the language switcher (always written in that language). */
export const LOCALE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English', es: 'Español' };

/** A link in the current locale: `href('/recherche')` is `/en/recherche` on an English page. */
export function href(path: string, locale?: Locale): string {
  const localized = localizeHref(path, locale ? { locale } : undefined);
  // `/en/` → `/en`: SvelteKit would redirect the trailing slash anyway.
  return localized.replace(/^(\/[a-z]{2})\/(?=$|[?#])/, '$1');
}

/** The label of a reference value (country, theme, form…) in the current locale. */
export const label = (value: Label | undefined, locale: Locale = getLocale()): string => value?.[locale] ?? '';

const intlLocale: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB', es: 'es-ES' };

export function formatNumber(value: number, locale: Locale = getLocale()): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value);
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
  const message = new Intl.PluralRules(intlLocale[locale]).select(count) === 'one' ? one : other;
  return message({ ...params, count: formatNumber(count, locale) });
}

export function formatDate(value: Date | string | null | undefined, locale: Locale = getLocale()): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(value));
}

export function formatDateTime(value: Date | string | null | undefined, locale: Locale = getLocale()): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(value));
}

export function formatEuros(value: number | null | undefined, locale: Locale = getLocale()): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);
}

/** "3 days ago" in the current locale. */
export function formatRelativeDays(days: number, locale: Locale = getLocale()): string {
  return new Intl.RelativeTimeFormat(intlLocale[locale], { numeric: 'auto' }).format(-days, 'day');
}

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (locales as readonly string[]).includes(value);
