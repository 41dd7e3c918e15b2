export type Locale = 'fr' | 'en' | 'es';
export const LOCALES: readonly Locale[] = ['fr', 'en', 'es'];
export interface Label {
  fr: string;
  en: string;
  es: string;
}
