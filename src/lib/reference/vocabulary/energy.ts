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
    },
    {
      fr: ['solaire', 'photovoltaïque'],
      en: ['solar', 'photovoltaic'],
      es: ['solar', 'fotovoltaica'],
      pt: ['solar', 'fotovoltaica'],
    },
    {
      fr: ['électricité', 'électrification'],
      en: ['electricity', 'electrification'],
      es: ['electricidad', 'electrificación'],
      pt: ['eletricidade', 'eletrificação'],
    },
    {
      fr: ['éclairage public'],
      en: ['street lighting'],
      es: ['alumbrado público'],
      pt: ['iluminação pública'],
    },
    {
      fr: ['énergies renouvelables'],
      en: ['renewable energy'],
      es: ['energías renovables'],
      pt: ['energias renováveis'],
    },
    {
      fr: ['efficacité énergétique'],
      en: ['energy efficiency'],
      es: ['eficiencia energética'],
      pt: ['eficiência energética'],
    },
  ],
};
