import type { Label } from './i18n-label.js';

/** Languages a request may be written in or an exchange held in (ISO 639-1). */
export const LANGUAGES: ReadonlyArray<{ code: string; name: Label }> = [
  {
    code: 'fr',
    name: { fr: 'Français', en: 'French', es: 'Francés', pt: 'Francês', ar: 'الفرنسية', uk: 'Французька' },
  },
  {
    code: 'en',
    name: { fr: 'Anglais', en: 'English', es: 'Inglés', pt: 'Inglês', ar: 'الإنجليزية', uk: 'Англійська' },
  },
  {
    code: 'es',
    name: { fr: 'Espagnol', en: 'Spanish', es: 'Español', pt: 'Espanhol', ar: 'الإسبانية', uk: 'Іспанська' },
  },
  { code: 'ar', name: { fr: 'Arabe', en: 'Arabic', es: 'Árabe', pt: 'Árabe', ar: 'العربية', uk: 'Арабська' } },
  {
    code: 'pt',
    name: {
      fr: 'Portugais',
      en: 'Portuguese',
      es: 'Portugués',
      pt: 'Português',
      ar: 'البرتغالية',
      uk: 'Португальська',
    },
  },
  {
    code: 'uk',
    name: { fr: 'Ukrainien', en: 'Ukrainian', es: 'Ucraniano', pt: 'Ucraniano', ar: 'الأوكرانية', uk: 'Українська' },
  },
  { code: 'ru', name: { fr: 'Russe', en: 'Russian', es: 'Ruso', pt: 'Russo', ar: 'الروسية', uk: 'Російська' } },
  {
    code: 'hy',
    name: { fr: 'Arménien', en: 'Armenian', es: 'Armenio', pt: 'Arménio', ar: 'الأرمنية', uk: 'Вірменська' },
  },
  {
    code: 'vi',
    name: {
      fr: 'Vietnamien',
      en: 'Vietnamese',
      es: 'Vietnamita',
      pt: 'Vietnamita',
      ar: 'الفيتنامية',
      uk: 'В’єтнамська',
    },
  },
  { code: 'zh', name: { fr: 'Chinois', en: 'Chinese', es: 'Chino', pt: 'Chinês', ar: 'الصينية', uk: 'Китайська' } },
  {
    code: 'mg',
    name: { fr: 'Malgache', en: 'Malagasy', es: 'Malgache', pt: 'Malgaxe', ar: 'الملغاشية', uk: 'Малагасійська' },
  },
  { code: 'wo', name: { fr: 'Wolof', en: 'Wolof', es: 'Wólof', pt: 'Wolof', ar: 'الولوفية', uk: 'Волоф' } },
  { code: 'de', name: { fr: 'Allemand', en: 'German', es: 'Alemán', pt: 'Alemão', ar: 'الألمانية', uk: 'Німецька' } },
  {
    code: 'it',
    name: { fr: 'Italien', en: 'Italian', es: 'Italiano', pt: 'Italiano', ar: 'الإيطالية', uk: 'Італійська' },
  },
  { code: 'ro', name: { fr: 'Roumain', en: 'Romanian', es: 'Rumano', pt: 'Romeno', ar: 'الرومانية', uk: 'Румунська' } },
  { code: 'pl', name: { fr: 'Polonais', en: 'Polish', es: 'Polaco', pt: 'Polaco', ar: 'البولندية', uk: 'Польська' } },
  {
    code: 'ka',
    name: { fr: 'Géorgien', en: 'Georgian', es: 'Georgiano', pt: 'Georgiano', ar: 'الجورجية', uk: 'Грузинська' },
  },
  { code: 'km', name: { fr: 'Khmer', en: 'Khmer', es: 'Jemer', pt: 'Khmer', ar: 'الخميرية', uk: 'Кхмерська' } },
  { code: 'lo', name: { fr: 'Lao', en: 'Lao', es: 'Lao', pt: 'Laosiano', ar: 'اللاوية', uk: 'Лаоська' } },
  {
    code: 'ht',
    name: {
      fr: 'Créole haïtien',
      en: 'Haitian Creole',
      es: 'Criollo haitiano',
      pt: 'Crioulo haitiano',
      ar: 'الكريولية الهايتية',
      uk: 'Гаїтянська креольська',
    },
  },
];
export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code);
export const isLanguageCode = (code: unknown): code is string =>
  typeof code === 'string' && LANGUAGE_CODES.includes(code);
