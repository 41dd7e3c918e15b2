import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `urban_housing`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'urban_housing',
  concepts: [
    {
      fr: ['urbanisme'],
      en: ['urban planning', 'town planning'],
      es: ['urbanismo', 'planificación urbana'],
      pt: ['urbanismo', 'planeamento urbano'],
      ar: ['تعمير', 'تخطيط حضري'],
    },
    {
      fr: ['logement', 'habitat'],
      en: ['housing'],
      es: ['vivienda'],
      pt: ['habitação', 'moradia'],
      ar: ['سكن', 'إسكان'],
    },
    {
      fr: ['quartiers'],
      en: ['neighbourhoods', 'neighborhoods', 'districts'],
      es: ['barrios'],
      pt: ['bairros'],
      ar: ['أحياء'],
    },
    {
      fr: ['bidonvilles', 'quartiers précaires'],
      en: ['slums', 'informal settlements'],
      es: ['asentamientos informales'],
      pt: ['favelas', 'assentamentos informais'],
      ar: ['أحياء عشوائية', 'أحياء صفيحية'],
    },
    {
      fr: ['cadastre', 'foncier'],
      en: ['land registry', 'cadastre'],
      es: ['catastro'],
      pt: ['cadastro predial'],
      ar: ['مسح عقاري', 'عقار'],
    },
    {
      fr: ['espaces verts'],
      en: ['green spaces', 'parks'],
      es: ['espacios verdes', 'parques'],
      pt: ['espaços verdes', 'parques'],
      ar: ['مساحات خضراء', 'حدائق'],
    },
  ],
};
