import { eq } from 'drizzle-orm';
import { basinOf, departementOf, SHARED_DEPARTEMENTS } from '../../reference/water-basins.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { authorities } from '../db/schema/index.js';
import { loadCatalogue, todayInFrance } from './catalogue.js';
import { fitPaths, type FitPath, type FrenchFacts, type RequestFacts } from './fit.js';

/** What the fit rules need to know about a French authority: its type and its water basin. */
export async function frenchFactsOf(
  db: Database,
  authorityId: string,
): Promise<(FrenchFacts & { region: string | null }) | null> {
  const [row] = await db
    .select({
      name: authorities.name,
      type: authorities.type,
      kind: authorities.kind,
      officialCode: authorities.officialCode,
      region: authorities.region,
    })
    .from(authorities)
    .where(eq(authorities.id, authorityId))
    .limit(1);
  if (!row || row.kind !== 'french') return null;
  const departement = departementOf(row.type, row.officialCode);
  return {
    name: row.name,
    type: row.type,
    departement,
    basin: basinOf(departement),
    basinShared: departement !== null && SHARED_DEPARTEMENTS.has(departement),
    region: row.region,
  };
}

/**
 * The paths for a request as the actor sees it: for an approved member of a French authority, the pair's paths
 * (its basin's water agency, what its type may apply for); for anyone else, the request's own paths.
 */
export async function cofinancingFor(
  db: Database,
  actor: Actor | null,
  request: RequestFacts,
  now = new Date(),
): Promise<{ paths: FitPath[]; french: (FrenchFacts & { region: string | null }) | null }> {
  const french =
    actor?.role === 'french_authority' && actor.approved && actor.authorityId
      ? await frenchFactsOf(db, actor.authorityId)
      : null;
  const catalogue = await loadCatalogue(db);
  return { paths: fitPaths(catalogue, request, french, todayInFrance(now)), french };
}

/** Calls and programmes made for one country (not the ones open to all), still open or about to open. */
export async function openCallsFor(db: Database, country: string, now = new Date()) {
  const today = todayInFrance(now);
  return (await loadCatalogue(db)).filter((p) => p.countries.includes(country) && (!p.closesOn || p.closesOn >= today));
}
