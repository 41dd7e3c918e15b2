import { readFileSync } from 'node:fs';
import path from 'node:path';

const messages = path.resolve(import.meta.dirname, '../../src/lib/i18n/messages');
const files = new Map<string, Record<string, string>>();

/**
 * A message as the reader of `locale` sees it, read from the same files the app compiles (so a test written once runs
 * in every interface language). `{name}` parameters are filled from `params`.
 */
export function message(area: string, key: string, locale: string, params: Record<string, string> = {}): string {
  const file = path.join(messages, area, `${locale}.json`);
  let entries = files.get(file);
  if (!entries) files.set(file, (entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
  const text = entries[key];
  if (typeof text !== 'string') throw new Error(`no message ${key} in ${area}/${locale}.json`);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** A page's path in `locale`: French, the base locale, is unprefixed; the others live under /<locale>. */
export function localePath(locale: string, pathname: string): string {
  if (locale === 'fr') return pathname;
  return pathname === '/' ? `/${locale}` : `/${locale}${pathname}`;
}

/** The path without its locale prefix (`/es/recherche` → `/recherche`, `/ar` → `/`). */
export function withoutLocale(pathname: string): string {
  const match = /^\/(en|es|pt|ar|uk)(\/.*)?$/.exec(pathname);
  return match ? (match[2] ?? '/') : pathname;
}
