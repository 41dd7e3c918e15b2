import type { ThemeVocabulary } from './types.js';

/** Common words for the theme `civil_protection`: one entry per concept, every language's usual words (see ./README.md). */
export const vocabulary: ThemeVocabulary = {
  theme: 'civil_protection',
  concepts: [
    {
      fr: ['protection civile'],
      en: ['civil protection'],
      es: ['protección civil'],
      pt: ['proteção civil', 'defesa civil'],
      ar: ['حماية مدنية', 'وقاية مدنية'],
    },
    {
      fr: ['pompiers'],
      en: ['firefighters'],
      es: ['bomberos'],
      pt: ['bombeiros'],
      ar: ['إطفاء', 'رجال الإطفاء'],
    },
    {
      fr: ['catastrophe', 'catastrophes naturelles'],
      en: ['disaster', 'natural disasters'],
      es: ['desastre', 'catástrofe', 'desastres naturales'],
      pt: ['desastre', 'catástrofe', 'desastres naturais'],
      ar: ['كارثة', 'كوارث طبيعية'],
    },
    {
      fr: ['inondations'],
      en: ['floods', 'flooding'],
      es: ['inundaciones'],
      pt: ['inundações', 'cheias'],
      ar: ['فيضانات'],
    },
    {
      fr: ['reconstruction'],
      en: ['reconstruction', 'rebuilding'],
      es: ['reconstrucción'],
      pt: ['reconstrução'],
      ar: ['إعادة الإعمار', 'إعادة البناء'],
    },
    {
      fr: ['crise', 'urgence'],
      en: ['crisis', 'emergency'],
      es: ['crisis', 'emergencia'],
      pt: ['crise', 'emergência'],
      ar: ['أزمة', 'طوارئ'],
    },
  ],
};
