import type { Settings } from 'meilisearch';
import { buildSynonyms } from './synonyms.js';

/** Facets the search page shows; also the attributes a filter may name. */
export const FACETS = [
  'country',
  'continent',
  'themes',
  'forms',
  'authorityType',
  'populationBracket',
  'languages',
  'cofinancing',
] as const;
export type Facet = (typeof FACETS)[number];

/** Page depth searches may reach (page × hitsPerPage): deeper pages cost Meilisearch more than they help anyone. */
export const MAX_TOTAL_HITS = 1000;

/**
 * The listings index settings. Order of searchableAttributes is ranking: a match in the title beats one in the
 * summary, which beats one in a theme label, the authority, the region and finally the long texts.
 */
export const LISTINGS_SETTINGS = {
  searchableAttributes: [
    'title',
    'summary',
    'themeLabels.fr',
    'themeLabels.en',
    'themeLabels.es',
    'themeLabels.pt',
    'themeLabels.ar',
    'themeLabels.uk',
    'authorityName',
    'region',
    'countryNames',
    'context',
    'objectives',
    'expectedFromFrance',
    'difficulties',
    'translations',
    // Last: the Arabic words again, folded (./arabic.ts), so an Arabic query matches whatever language is guessed.
    'arabicText',
  ],
  displayedAttributes: ['*'],
  filterableAttributes: [...FACETS],
  sortableAttributes: ['publishedAt', 'population'],
  faceting: { maxValuesPerFacet: 300, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  // Nobody searches within facet values here; not building that structure makes every write cheaper.
  facetSearch: false,
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  synonyms: buildSynonyms(),
} satisfies Settings;
