/**
 * Matching score between a French authority and a cooperation request, used both ways: requests suggested to
 * a French authority, French authorities suggested to a correspondent for a request. One function, so both
 * sides see the same reasons.
 *
 * Weights (total 100): themes 40, size 25, regional tie 15, existing ties in the country 10, language 10.
 */
export interface FrenchProfile {
  themes: string[];
  population: number | null;
  /** Name or code of the French région the authority belongs to. */
  region: string | null;
  /** Countries where the authority already has partnerships (matches or declared). */
  partnerCountries: string[];
  /** Foreign authorities it already works with: a second request from one of them is a natural follow-up. */
  partnerAuthorityIds: string[];
}

export interface ListingProfile {
  themes: string[];
  country: string;
  authorityId: string;
  population: number | null;
  desiredPartner: { populationMin?: number | null; populationMax?: number | null; frenchRegions?: string[] };
  exchangeLanguages: string[];
  originalLanguage: string;
}

/** `cofinancing` carries no points: a co-financing path that fits the pair is said, not scored. */
export type ReasonCode =
  'themes' | 'size' | 'desired_size' | 'region' | 'existing_partner' | 'country_ties' | 'language' | 'cofinancing';

export interface Reason {
  code: ReasonCode;
  points: number;
  /** Facts behind the points, for the sentence shown to the user. */
  detail: Record<string, string | number | string[]>;
}

export interface MatchScore {
  score: number;
  reasons: Reason[];
}

export const WEIGHTS = { themes: 40, size: 25, region: 15, ties: 10, language: 10 } as const;

function sizePoints(french: number | null, listing: ListingProfile): Reason | null {
  const { populationMin, populationMax } = listing.desiredPartner;
  if (french !== null && (populationMin != null || populationMax != null)) {
    const fits =
      (populationMin == null || french >= populationMin) && (populationMax == null || french <= populationMax);
    return fits ? { code: 'desired_size', points: WEIGHTS.size, detail: { population: french } } : null;
  }
  if (french === null || listing.population === null || french <= 0 || listing.population <= 0) return null;
  // Similar sizes work together best: full points within a factor 2, nothing beyond a factor 30.
  const ratio = Math.abs(Math.log10(french / listing.population));
  const points = Math.round(
    WEIGHTS.size * Math.max(0, Math.min(1, 1 - (ratio - Math.log10(2)) / (Math.log10(30) - Math.log10(2)))),
  );
  return points > 0
    ? { code: 'size', points, detail: { population: french, partnerPopulation: listing.population } }
    : null;
}

export function scoreMatch(french: FrenchProfile, listing: ListingProfile): MatchScore {
  const reasons: Reason[] = [];
  const shared = listing.themes.filter((t) => french.themes.includes(t));
  if (shared.length && listing.themes.length) {
    reasons.push({
      code: 'themes',
      points: Math.round((WEIGHTS.themes * shared.length) / listing.themes.length),
      detail: { themes: shared },
    });
  }
  const size = sizePoints(french.population, listing);
  if (size) reasons.push(size);
  const wanted = listing.desiredPartner.frenchRegions ?? [];
  if (french.region && wanted.includes(french.region)) {
    reasons.push({ code: 'region', points: WEIGHTS.region, detail: { region: french.region } });
  }
  if (french.partnerAuthorityIds.includes(listing.authorityId)) {
    reasons.push({ code: 'existing_partner', points: WEIGHTS.ties, detail: {} });
  } else if (french.partnerCountries.includes(listing.country)) {
    reasons.push({ code: 'country_ties', points: Math.round(WEIGHTS.ties / 2), detail: { country: listing.country } });
  }
  const languages = new Set([listing.originalLanguage, ...listing.exchangeLanguages]);
  if (languages.has('fr')) reasons.push({ code: 'language', points: WEIGHTS.language, detail: { language: 'fr' } });
  else if (languages.has('en') || languages.has('es'))
    reasons.push({
      code: 'language',
      points: Math.round(WEIGHTS.language / 2),
      detail: { language: languages.has('en') ? 'en' : 'es' },
    });
  return {
    score: Math.min(
      100,
      reasons.reduce((sum, r) => sum + r.points, 0),
    ),
    reasons,
  };
}
