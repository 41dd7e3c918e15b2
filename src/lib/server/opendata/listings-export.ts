import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { authorities, listings } from '../db/schema/index.js';
import { PUBLIC_STATUSES } from '../listings/visibility.js';
import { countryName, findCountry, findTheme } from '../../reference/index.js';

export const OPEN_DATA_LICENCE = {
  name: 'Licence Ouverte / Open Licence version 2.0',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  spdx: 'etalab-2.0',
} as const;

/** One published request as open data: no personal data (contacts are never selected), DAC codes added. */
export interface OpenListing {
  id: string;
  url: string;
  status: string;
  title: string;
  summary: string;
  originalLanguage: string;
  countryCode: string;
  countryName: string;
  continent: string;
  authorityName: string;
  authorityType: string;
  region: string | null;
  population: number | null;
  themes: string[];
  dacCodes: string[];
  forms: string[];
  contributionTypes: string[];
  exchangeLanguages: string[];
  durationMonths: number | null;
  budgetEur: number | null;
  localContributionEur: number | null;
  publishedAt: string | null;
  lastConfirmedAt: string | null;
  expiresAt: string | null;
}

export const OPEN_LISTING_COLUMNS: ReadonlyArray<keyof OpenListing> = [
  'id',
  'url',
  'status',
  'title',
  'summary',
  'originalLanguage',
  'countryCode',
  'countryName',
  'continent',
  'authorityName',
  'authorityType',
  'region',
  'population',
  'themes',
  'dacCodes',
  'forms',
  'contributionTypes',
  'exchangeLanguages',
  'durationMonths',
  'budgetEur',
  'localContributionEur',
  'publishedAt',
  'lastConfirmedAt',
  'expiresAt',
];

export async function exportOpenListings(db: Database, origin: string): Promise<OpenListing[]> {
  const rows = await db
    .select({
      id: listings.id,
      status: listings.status,
      title: listings.title,
      summary: listings.summary,
      originalLanguage: listings.originalLanguage,
      country: listings.country,
      themes: listings.themes,
      forms: listings.forms,
      contributionTypes: listings.contributionTypes,
      exchangeLanguages: listings.exchangeLanguages,
      durationMonths: listings.durationMonths,
      budgetEur: listings.budgetEur,
      localContributionEur: listings.localContributionEur,
      publishedAt: listings.publishedAt,
      lastConfirmedAt: listings.lastConfirmedAt,
      expiresAt: listings.expiresAt,
      authorityName: authorities.name,
      authorityType: authorities.type,
      region: authorities.region,
      population: authorities.population,
    })
    .from(listings)
    .innerJoin(authorities, eq(authorities.id, listings.authorityId))
    .where(inArray(listings.status, [...PUBLIC_STATUSES]))
    .orderBy(asc(listings.publishedAt), asc(listings.id));
  return rows.map((r) => ({
    id: r.id,
    url: `${origin}/demandes/${r.id}`,
    status: r.status,
    title: r.title,
    summary: r.summary,
    originalLanguage: r.originalLanguage,
    countryCode: r.country,
    countryName: countryName(r.country, 'fr'),
    continent: findCountry(r.country)?.continent ?? '',
    authorityName: r.authorityName,
    authorityType: r.authorityType,
    region: r.region,
    population: r.population,
    themes: r.themes,
    dacCodes: [...new Set(r.themes.flatMap((t) => findTheme(t)?.dac ?? []))],
    forms: r.forms,
    contributionTypes: r.contributionTypes,
    exchangeLanguages: r.exchangeLanguages,
    durationMonths: r.durationMonths,
    budgetEur: r.budgetEur,
    localContributionEur: r.localContributionEur,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    lastConfirmedAt: r.lastConfirmedAt?.toISOString() ?? null,
    expiresAt: r.expiresAt?.toISOString() ?? null,
  }));
}
