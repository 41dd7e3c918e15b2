import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `coastal_territorial`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'coastal_territorial',
  concepts: [
    {
      fr: ['littoral', 'côte'],
      en: ['coast', 'coastline', 'coastal'],
      es: ['costa', 'litoral', 'costero'],
      pt: ['litoral', 'costa', 'costeiro'],
      ar: ['ساحل', 'شريط ساحلي'],
    },
    {
      fr: ['pêche'],
      en: ['fishing', 'fisheries'],
      es: ['pesca'],
      pt: ['pesca'],
      ar: ['صيد بحري', 'صيد الأسماك'],
    },
    {
      fr: ['aménagement du territoire'],
      en: ['spatial planning', 'land-use planning'],
      es: ['ordenamiento territorial'],
      pt: ['ordenamento do território'],
      ar: ['تهيئة المجال', 'تخطيط إقليمي'],
    },
    {
      fr: ['érosion côtière'],
      en: ['coastal erosion'],
      es: ['erosión costera'],
      pt: ['erosão costeira'],
      ar: ['تآكل الساحل', 'انجراف الساحل'],
    },
    {
      fr: ['port'],
      en: ['port', 'harbour', 'harbor'],
      es: ['puerto'],
      pt: ['porto'],
      ar: ['ميناء'],
    },
    {
      fr: ['développement rural'],
      en: ['rural development'],
      es: ['desarrollo rural'],
      pt: ['desenvolvimento rural'],
      ar: ['تنمية ريفية'],
    },
  ],
};
