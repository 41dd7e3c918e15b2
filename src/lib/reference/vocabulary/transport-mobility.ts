import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `transport_mobility`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'transport_mobility',
  concepts: [
    {
      fr: ['transport', 'transports'],
      en: ['transport', 'transportation'],
      es: ['transporte'],
      pt: ['transporte', 'transportes'],
      ar: ['نقل'],
    },
    {
      fr: ['mobilité'],
      en: ['mobility'],
      es: ['movilidad'],
      pt: ['mobilidade'],
      ar: ['تنقل'],
    },
    {
      fr: ['routes', 'route', 'voirie'],
      en: ['roads', 'road'],
      es: ['carreteras', 'carretera', 'caminos', 'vías'],
      pt: ['estradas', 'estrada'],
      ar: ['طرق', 'طريق'],
    },
    {
      fr: ['pistes cyclables', 'vélo'],
      en: ['cycle lanes', 'bike lanes', 'cycling'],
      es: ['ciclovías', 'bicicleta'],
      pt: ['ciclovias', 'bicicleta'],
      ar: ['مسالك الدراجات', 'دراجة هوائية'],
    },
    {
      fr: ['transports en commun'],
      en: ['public transport', 'public transit'],
      es: ['transporte público'],
      pt: ['transporte público', 'transportes públicos'],
      ar: ['نقل عمومي', 'نقل عام'],
    },
    {
      fr: ['bus'],
      en: ['bus', 'buses'],
      es: ['autobús', 'autobuses'],
      pt: ['autocarro', 'ônibus'],
      ar: ['حافلة', 'حافلات'],
    },
  ],
};
