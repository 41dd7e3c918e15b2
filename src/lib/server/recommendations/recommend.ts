import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities, listings, users } from '../db/schema/index.js';
import { Forbidden, Unauthenticated } from '../errors.js';
import { assertSpeaksFor } from '../permissions/membership.js';
import { SEARCHABLE_STATUSES } from '../listings/visibility.js';
import { getListing } from '../listings/store.js';
import { assertCanModerate } from '../listings/permissions.js';
import { tiesOf } from '../partnerships/presence.js';
import { loadCatalogue, todayInFrance } from '../cofinancing/catalogue.js';
import { fitPaths, type CatalogueEntry, type FrenchFacts } from '../cofinancing/fit.js';
import { frenchFactsOf } from '../cofinancing/paths.js';
import { scoreMatch, type FrenchProfile, type ListingProfile, type MatchScore, type Reason } from './score.js';

/**
 * The co-financing paths made for this pair (a call for the request's country, the agency of the French
 * authority's basin, a thematic call), as a reason without points: the same fit rules as the request page.
 */
function cofinancingReason(
  catalogue: CatalogueEntry[],
  french: FrenchFacts | null,
  listing: { country: string; themes: string[] },
  today: string,
): Reason | null {
  const specific = fitPaths(catalogue, listing, french, today).filter((p) =>
    p.reasons.some((r) => r.code === 'country' || r.code === 'basin' || r.code === 'themes'),
  );
  return specific.length
    ? { code: 'cofinancing', points: 0, detail: { programmes: specific.slice(0, 3).map((p) => p.programme.name) } }
    : null;
}

function withCofinancing(score: MatchScore, reason: Reason | null): MatchScore {
  return reason ? { ...score, reasons: [...score.reasons, reason] } : score;
}

/** How many open requests are scored at most (newest first): enough for every realistic catalogue. */
const CANDIDATES = 2_000;

export interface ListingSuggestion extends MatchScore {
  listing: {
    id: string;
    title: string;
    country: string;
    themes: string[];
    authorityName: string;
    population: number | null;
  };
}

async function frenchProfile(db: Database, authorityId: string): Promise<FrenchProfile> {
  const [a] = await db.select().from(authorities).where(eq(authorities.id, authorityId)).limit(1);
  const ties = await tiesOf(db, authorityId);
  return {
    themes: a?.themes ?? [],
    population: a?.population ?? null,
    region: a?.region ?? null,
    partnerCountries: ties.countries,
    partnerAuthorityIds: ties.authorityIds,
  };
}

function listingProfile(l: typeof listings.$inferSelect, population: number | null): ListingProfile {
  return {
    themes: l.themes,
    country: l.country,
    authorityId: l.authorityId,
    population,
    desiredPartner: l.desiredPartner ?? {},
    exchangeLanguages: l.exchangeLanguages,
    originalLanguage: l.originalLanguage,
  };
}

/** Open requests suggested to a French authority, best first, each with the reasons of its score. */
export async function suggestListings(db: Database, actor: Actor | null, limit = 20): Promise<ListingSuggestion[]> {
  if (!actor) throw new Unauthenticated();
  if (actor.role !== 'french_authority' || !actor.authorityId)
    throw new Forbidden('Suggestions are made for French local authorities.');
  // Scored against the authority's own interests and ties: read in its name.
  assertSpeaksFor(actor, actor.authorityId, 'Suggestions for your authority');
  const profile = await frenchProfile(db, actor.authorityId);
  const rows = await db
    .select({ listing: listings, authorityName: authorities.name, population: authorities.population })
    .from(listings)
    .innerJoin(authorities, eq(authorities.id, listings.authorityId))
    .where(inArray(listings.status, [...SEARCHABLE_STATUSES]))
    .orderBy(desc(listings.publishedAt))
    .limit(CANDIDATES);
  const [catalogue, french] = await Promise.all([loadCatalogue(db), frenchFactsOf(db, actor.authorityId)]);
  const today = todayInFrance();
  return rows
    .map((r) => ({
      ...withCofinancing(
        scoreMatch(profile, listingProfile(r.listing, r.population)),
        cofinancingReason(catalogue, french, r.listing, today),
      ),
      listing: {
        id: r.listing.id,
        title: r.listing.title,
        country: r.listing.country,
        themes: r.listing.themes,
        authorityName: r.authorityName,
        population: r.population,
      },
    }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.listing.title.localeCompare(b.listing.title))
    .slice(0, limit);
}

export interface AuthoritySuggestion extends MatchScore {
  authority: { id: string; name: string; type: string; region: string | null; population: number | null };
}

/**
 * French authorities a correspondent could approach for a request: registered ones (someone can answer),
 * scored with the same function, best first.
 */
export async function suggestFrenchAuthorities(
  db: Database,
  actor: Actor | null,
  listingId: string,
  limit = 20,
): Promise<AuthoritySuggestion[]> {
  if (!actor) throw new Unauthenticated();
  const { listing, authority } = await getListing(db, listingId);
  assertCanModerate(actor, listing);
  const registered = await db
    .selectDistinct({
      id: authorities.id,
      name: authorities.name,
      type: authorities.type,
      region: authorities.region,
      population: authorities.population,
    })
    .from(authorities)
    .innerJoin(users, eq(users.authorityId, authorities.id))
    .where(and(eq(authorities.kind, 'french'), isNotNull(users.emailVerifiedAt), eq(users.membership, 'approved')));
  const target = listingProfile(listing, authority.population);
  const scored: AuthoritySuggestion[] = [];
  const catalogue = await loadCatalogue(db);
  const today = todayInFrance();
  for (const a of registered) {
    const reason = cofinancingReason(catalogue, await frenchFactsOf(db, a.id), listing, today);
    scored.push({ ...withCofinancing(scoreMatch(await frenchProfile(db, a.id), target), reason), authority: a });
  }
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.authority.name.localeCompare(b.authority.name))
    .slice(0, limit);
}
