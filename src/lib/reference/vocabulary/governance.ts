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
    },
    {
      fr: ['décentralisation'],
      en: ['decentralisation', 'decentralization'],
      es: ['descentralización'],
      pt: ['descentralização'],
    },
    {
      fr: ['société civile'],
      en: ['civil society'],
      es: ['sociedad civil'],
      pt: ['sociedade civil'],
    },
    {
      fr: ['état civil'],
      en: ['civil registration'],
      es: ['registro civil'],
      pt: ['registo civil', 'registro civil'],
    },
    {
      fr: ['finances locales', 'fiscalité locale'],
      en: ['local finance', 'local taxation'],
      es: ['finanzas locales', 'fiscalidad local'],
      pt: ['finanças locais'],
    },
    {
      fr: ['participation citoyenne'],
      en: ['citizen participation'],
      es: ['participación ciudadana'],
      pt: ['participação cidadã'],
    },
  ],
};
