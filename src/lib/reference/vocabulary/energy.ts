import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `energy`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'energy',
  concepts: [
    {
      fr: ['énergie'],
      en: ['energy'],
      es: ['energía'],
      pt: ['energia'],
      ar: ['طاقة'],
    },
    {
      fr: ['solaire', 'photovoltaïque'],
      en: ['solar', 'photovoltaic'],
      es: ['solar', 'fotovoltaica'],
      pt: ['solar', 'fotovoltaica'],
      ar: ['طاقة شمسية', 'ألواح شمسية'],
    },
    {
      fr: ['électricité', 'électrification'],
      en: ['electricity', 'electrification'],
      es: ['electricidad', 'electrificación'],
      pt: ['eletricidade', 'eletrificação'],
      ar: ['كهرباء', 'كهربة'],
    },
    {
      fr: ['éclairage public'],
      en: ['street lighting'],
      es: ['alumbrado público'],
      pt: ['iluminação pública'],
      ar: ['إنارة عمومية'],
    },
    {
      fr: ['énergies renouvelables'],
      en: ['renewable energy'],
      es: ['energías renovables'],
      pt: ['energias renováveis'],
      ar: ['طاقات متجددة'],
    },
    {
      fr: ['efficacité énergétique'],
      en: ['energy efficiency'],
      es: ['eficiencia energética'],
      pt: ['eficiência energética'],
      ar: ['نجاعة طاقية', 'كفاءة الطاقة'],
    },
  ],
};
