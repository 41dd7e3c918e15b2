import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `waste`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'waste',
  concepts: [
    {
      fr: ['déchets', 'ordures'],
      en: ['waste', 'garbage', 'rubbish', 'refuse'],
      es: ['residuos', 'basura', 'desechos'],
      pt: ['resíduos', 'lixo'],
      ar: ['نفايات', 'قمامة'],
    },
    {
      fr: ['tri sélectif'],
      en: ['waste sorting'],
      es: ['separación de residuos'],
      pt: ['coleta seletiva', 'recolha seletiva'],
      ar: ['فرز انتقائي', 'فرز النفايات'],
    },
    {
      fr: ['recyclage'],
      en: ['recycling'],
      es: ['reciclaje'],
      pt: ['reciclagem'],
      ar: ['تدوير', 'إعادة التدوير'],
    },
    {
      fr: ['compostage', 'compost'],
      en: ['composting', 'compost'],
      es: ['compostaje'],
      pt: ['compostagem', 'composto'],
      ar: ['تسميد', 'سماد عضوي'],
    },
    {
      fr: ['décharge'],
      en: ['landfill', 'dump'],
      es: ['vertedero', 'botadero'],
      pt: ['aterro sanitário', 'lixão'],
      ar: ['مطرح', 'مكب نفايات'],
    },
    {
      fr: ['collecte des déchets', 'ramassage des ordures'],
      en: ['waste collection'],
      es: ['recolección de basura', 'recogida de residuos'],
      pt: ['coleta de lixo', 'recolha de resíduos'],
      ar: ['جمع النفايات'],
    },
  ],
};
