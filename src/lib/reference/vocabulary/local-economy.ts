import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `local_economy`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'local_economy',
  concepts: [
    {
      fr: ['économie locale', 'développement économique'],
      en: ['local economy', 'economic development'],
      es: ['economía local', 'desarrollo económico'],
      pt: ['economia local', 'desenvolvimento económico'],
      ar: ['اقتصاد محلي', 'تنمية اقتصادية'],
    },
    {
      fr: ['emploi'],
      en: ['employment', 'jobs'],
      es: ['empleo'],
      pt: ['emprego'],
      ar: ['تشغيل', 'وظائف'],
    },
    {
      fr: ['entrepreneuriat', 'entreprises'],
      en: ['entrepreneurship', 'businesses'],
      es: ['emprendimiento', 'empresas'],
      pt: ['empreendedorismo', 'empresas'],
      ar: ['مقاولاتية', 'ريادة الأعمال', 'مقاولات'],
    },
    {
      fr: ['marché'],
      en: ['market', 'marketplace'],
      es: ['mercado'],
      pt: ['mercado', 'feira'],
      ar: ['سوق', 'أسواق'],
    },
    {
      fr: ['artisanat', 'artisans'],
      en: ['crafts', 'handicrafts', 'artisans'],
      es: ['artesanía', 'artesanos'],
      pt: ['artesanato', 'artesãos'],
      ar: ['صناعة تقليدية', 'حرفيون'],
    },
    {
      fr: ['coopératives'],
      en: ['cooperatives'],
      es: ['cooperativas'],
      pt: ['cooperativas'],
      ar: ['تعاونيات'],
    },
  ],
};
