export type Locale = 'fr' | 'en' | 'es' | 'pt' | 'ar' | 'uk';
export const LOCALES: readonly Locale[] = ['fr', 'en', 'es', 'pt', 'ar', 'uk'];
export interface Label {
  fr: string;
  en: string;
  es: string;
  pt: string;
  ar: string;
  uk: string;
}

/** Languages written right to left (Arabic, of the interface and content languages): text in them gets `dir="rtl"`. */
const RIGHT_TO_LEFT = new Set(['ar']);
export const languageDirection = (code: string): 'ltr' | 'rtl' => (RIGHT_TO_LEFT.has(code) ? 'rtl' : 'ltr');
