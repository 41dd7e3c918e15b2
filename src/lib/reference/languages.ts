import type { Label } from './i18n-label.js';

/** Languages a request may be written in or an exchange held in (ISO 639-1). */
export const LANGUAGES: ReadonlyArray<{ code: string; name: Label }> = [
  { code: 'fr', name: { fr: 'Français', en: 'French', es: 'Francés' } },
  { code: 'en', name: { fr: 'Anglais', en: 'English', es: 'Inglés' } },
  { code: 'es', name: { fr: 'Espagnol', en: 'Spanish', es: 'Español' } },
  { code: 'ar', name: { fr: 'Arabe', en: 'Arabic', es: 'Árabe' } },
  { code: 'pt', name: { fr: 'Portugais', en: 'Portuguese', es: 'Portugués' } },
  { code: 'uk', name: { fr: 'Ukrainien', en: 'Ukrainian', es: 'Ucraniano' } },
  { code: 'ru', name: { fr: 'Russe', en: 'Russian', es: 'Ruso' } },
  { code: 'hy', name: { fr: 'Arménien', en: 'Armenian', es: 'Armenio' } },
  { code: 'vi', name: { fr: 'Vietnamien', en: 'Vietnamese', es: 'Vietnamita' } },
  { code: 'zh', name: { fr: 'Chinois', en: 'Chinese', es: 'Chino' } },
  { code: 'mg', name: { fr: 'Malgache', en: 'Malagasy', es: 'Malgache' } },
  { code: 'wo', name: { fr: 'Wolof', en: 'Wolof', es: 'Wólof' } },
  { code: 'de', name: { fr: 'Allemand', en: 'German', es: 'Alemán' } },
  { code: 'it', name: { fr: 'Italien', en: 'Italian', es: 'Italiano' } },
  { code: 'ro', name: { fr: 'Roumain', en: 'Romanian', es: 'Rumano' } },
  { code: 'pl', name: { fr: 'Polonais', en: 'Polish', es: 'Polaco' } },
  { code: 'ka', name: { fr: 'Géorgien', en: 'Georgian', es: 'Georgiano' } },
  { code: 'km', name: { fr: 'Khmer', en: 'Khmer', es: 'Jemer' } },
  { code: 'lo', name: { fr: 'Lao', en: 'Lao', es: 'Lao' } },
  { code: 'ht', name: { fr: 'Créole haïtien', en: 'Haitian Creole', es: 'Criollo haitiano' } },
];
export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code);
export const isLanguageCode = (code: unknown): code is string =>
  typeof code === 'string' && LANGUAGE_CODES.includes(code);
