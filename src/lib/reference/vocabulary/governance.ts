import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `governance`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'governance',
  concepts: [
    {
      fr: ['gouvernance'],
      en: ['governance'],
      es: ['gobernanza'],
      pt: ['governança', 'governação'],
      ar: ['حوكمة'],
    },
    {
      fr: ['décentralisation'],
      en: ['decentralisation', 'decentralization'],
      es: ['descentralización'],
      pt: ['descentralização'],
      ar: ['لامركزية'],
    },
    {
      fr: ['société civile'],
      en: ['civil society'],
      es: ['sociedad civil'],
      pt: ['sociedade civil'],
      ar: ['مجتمع مدني'],
    },
    {
      fr: ['état civil'],
      en: ['civil registration'],
      es: ['registro civil'],
      pt: ['registo civil', 'registro civil'],
      ar: ['حالة مدنية'],
    },
    {
      fr: ['finances locales', 'fiscalité locale'],
      en: ['local finance', 'local taxation'],
      es: ['finanzas locales', 'fiscalidad local'],
      pt: ['finanças locais'],
      ar: ['مالية محلية', 'جبايات محلية'],
    },
    {
      fr: ['participation citoyenne'],
      en: ['citizen participation'],
      es: ['participación ciudadana'],
      pt: ['participação cidadã'],
      ar: ['مشاركة المواطنين', 'ديمقراطية تشاركية'],
    },
  ],
};
