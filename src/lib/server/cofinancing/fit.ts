import type { WaterBasin } from '../../reference/water-basins.js';
import type { ProgrammeInput } from './validation.js';

/**
 * Which co-financing paths fit a cooperation request — and, when a French authority is looking, fit that pair.
 * Pure rules over the catalogue: the request page, the recommendations and the alerts all call this one function,
 * so they never disagree. Indicative only: the page says to check eligibility with the funder.
 */
/** A catalogue entry as the rules read it: the admin's fields (validation.ts) plus identity and closing. */
export interface CatalogueEntry extends Omit<ProgrammeInput, 'source' | 'description'> {
  id: string;
  slug: string;
  closedAt: Date | null;
}

export interface RequestFacts {
  country: string;
  themes: string[];
}

/** The French authority looking at the request; its basin comes from its département (null when unknown). */
export interface FrenchFacts {
  name: string;
  type: string;
  departement: string | null;
  basin: WaterBasin | null;
  /** The département straddles basins: the agency named is the one covering most of it. */
  basinShared: boolean;
}

export type FitReason =
  | { code: 'country'; country: string }
  | { code: 'any_country' }
  | { code: 'themes'; themes: string[] }
  | { code: 'any_theme' }
  | { code: 'basin'; basin: string; departement: string; shared: boolean }
  | { code: 'applicant'; type: string };

export interface FitPath {
  programme: CatalogueEntry;
  reasons: FitReason[];
  /** open: within its dates (or a standing mechanism); upcoming: opens later. */
  status: 'open' | 'upcoming';
  closesInDays: number | null;
}

const DAY = 86_400_000;
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** Why one entry fits, or null when it does not. `today` is an ISO date (Europe/Paris day of the caller). */
export function fitOf(
  entry: CatalogueEntry,
  request: RequestFacts,
  french: FrenchFacts | null,
  today: string,
): FitPath | null {
  if (entry.closedAt) return null;
  if (entry.closesOn && entry.closesOn < today) return null;
  const reasons: FitReason[] = [];
  if (entry.countries.length) {
    if (!entry.countries.includes(request.country)) return null;
    reasons.push({ code: 'country', country: request.country });
  } else reasons.push({ code: 'any_country' });
  if (entry.themes.length) {
    const shared = entry.themes.filter((t) => request.themes.includes(t));
    if (!shared.length) return null;
    reasons.push({ code: 'themes', themes: shared });
  } else reasons.push({ code: 'any_theme' });
  if (entry.waterBasin) {
    // An agency serves the authorities of its basin only: without a known basin, the generic 1 % path stands in.
    if (!french?.basin || french.basin !== entry.waterBasin || !french.departement) return null;
    reasons.push({
      code: 'basin',
      basin: entry.waterBasin,
      departement: french.departement,
      shared: french.basinShared,
    });
  }
  if (french && entry.applicantTypes.length) {
    if (!entry.applicantTypes.includes(french.type)) return null;
    reasons.push({ code: 'applicant', type: french.type });
  }
  const upcoming = entry.opensOn !== null && entry.opensOn > today;
  return {
    programme: entry,
    reasons,
    status: upcoming ? 'upcoming' : 'open',
    closesInDays: entry.closesOn ? days(today, entry.closesOn) : null,
  };
}

/** Most specific first (a country's own call, a basin's agency, a theme), then the soonest deadline. */
function specificity(path: FitPath): number {
  return path.reasons.reduce(
    (sum, r) => sum + (r.code === 'country' || r.code === 'basin' ? 4 : r.code === 'themes' ? 2 : 0),
    0,
  );
}

export function fitPaths(
  catalogue: readonly CatalogueEntry[],
  request: RequestFacts,
  french: FrenchFacts | null,
  today: string,
): FitPath[] {
  return catalogue
    .map((entry) => fitOf(entry, request, french, today))
    .filter((p): p is FitPath => p !== null)
    .sort(
      (a, b) =>
        specificity(b) - specificity(a) ||
        (a.closesInDays ?? Number.POSITIVE_INFINITY) - (b.closesInDays ?? Number.POSITIVE_INFINITY) ||
        a.programme.name.localeCompare(b.programme.name, 'fr'),
    );
}
