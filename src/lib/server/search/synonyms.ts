import { THEMES } from '../../reference/index.js';

/**
 * Words French, English and Spanish speakers use for the same thing: a French authority typing "eau" must find a
 * request written in English about "water". Each group becomes a set of mutual synonyms.
 */
const WORD_GROUPS: string[][] = [
  ['eau', 'water', 'agua'],
  ['eau potable', 'drinking water', 'agua potable'],
  ['assainissement', 'sanitation', 'saneamiento'],
  ['déchets', 'waste', 'residuos', 'ordures'],
  ['santé', 'health', 'salud'],
  ['hôpital', 'hospital'],
  ['école', 'school', 'escuela'],
  ['éducation', 'education', 'educación'],
  ['formation', 'training', 'formación', 'capacitación'],
  ['agriculture', 'agricultura'],
  ['alimentation', 'food', 'alimentación', 'alimentaire'],
  ['énergie', 'energy', 'energía'],
  ['solaire', 'solar'],
  ['électricité', 'electricity', 'electricidad'],
  ['gouvernance', 'governance', 'gobernanza'],
  ['décentralisation', 'decentralisation', 'decentralization', 'descentralización'],
  ['protection civile', 'civil protection', 'protección civil'],
  ['reconstruction', 'reconstrucción'],
  ['environnement', 'environment', 'medio ambiente'],
  ['climat', 'climate', 'clima'],
  ['biodiversité', 'biodiversity', 'biodiversidad'],
  ['urbanisme', 'urban planning', 'urbanismo'],
  ['logement', 'housing', 'vivienda', 'habitat'],
  ['transport', 'transporte'],
  ['mobilité', 'mobility', 'movilidad'],
  ['économie', 'economy', 'economía'],
  ['emploi', 'employment', 'empleo'],
  ['tourisme', 'tourism', 'turismo'],
  ['culture', 'cultura'],
  ['patrimoine', 'heritage', 'patrimonio'],
  ['jeunesse', 'youth', 'juventud', 'jeunes'],
  ['sport', 'deporte'],
  ['citoyenneté', 'citizenship', 'ciudadanía'],
  ['égalité', 'equality', 'igualdad'],
  ['femmes', 'women', 'mujeres'],
  ['numérique', 'digital'],
  ['littoral', 'coastal', 'costero', 'côte', 'coast', 'costa'],
  ['jumelage', 'twinning', 'hermanamiento'],
  ['marché', 'market', 'mercado'],
  ['route', 'road', 'carretera'],
];

/** Meilisearch synonyms: every word of a group (and every theme label) leads to the others. */
export function buildSynonyms(): Record<string, string[]> {
  const groups = [...WORD_GROUPS, ...THEMES.map((t) => [t.name.fr, t.name.en, t.name.es])];
  const synonyms: Record<string, Set<string>> = {};
  for (const group of groups) {
    const words = [...new Set(group.map((w) => w.toLowerCase()))];
    for (const word of words) {
      synonyms[word] ??= new Set();
      for (const other of words) if (other !== word) synonyms[word].add(other);
    }
  }
  return Object.fromEntries(Object.entries(synonyms).map(([word, others]) => [word, [...others].sort()]));
}
