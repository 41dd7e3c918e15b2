import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `tourism`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'tourism',
  concepts: [
    {
      fr: ['tourisme'],
      en: ['tourism'],
      es: ['turismo'],
      pt: ['turismo'],
      ar: ['سياحة'],
    },
    {
      fr: ['écotourisme'],
      en: ['ecotourism'],
      es: ['ecoturismo'],
      pt: ['ecoturismo'],
      ar: ['سياحة بيئية'],
    },
    {
      fr: ['hôtellerie', 'hébergement touristique'],
      en: ['hospitality', 'tourist accommodation'],
      es: ['hotelería', 'alojamiento turístico'],
      pt: ['hotelaria', 'alojamento turístico'],
      ar: ['فندقة', 'إيواء سياحي'],
    },
    {
      fr: ['visiteurs', 'touristes'],
      en: ['visitors', 'tourists'],
      es: ['visitantes', 'turistas'],
      pt: ['visitantes', 'turistas'],
      ar: ['زوار', 'سياح'],
    },
    {
      fr: ['guides touristiques'],
      en: ['tour guides'],
      es: ['guías turísticos'],
      pt: ['guias turísticos'],
      ar: ['مرشدون سياحيون'],
    },
    {
      fr: ['office de tourisme'],
      en: ['tourist office', 'tourist information'],
      es: ['oficina de turismo'],
      pt: ['posto de turismo'],
      ar: ['مكتب السياحة'],
    },
  ],
};
