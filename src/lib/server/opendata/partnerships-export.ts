import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PartnershipColumn } from '../../opendata/partnerships-schema.js';
import { countryName, findTheme } from '../../reference/index.js';
import type { Database } from '../db/index.js';
import { authorities, partnerships } from '../db/schema/index.js';

/**
 * One confirmed partnership as open data: the same set partnershipFigures counts (confirmed only; claims and
 * withdrawn ones are not partnerships). Authorities, countries, themes, dates and the public link; never who
 * declared or confirmed it, nor the free-text description.
 */
export interface OpenPartnership {
  id: string;
  frenchAuthorityName: string;
  frenchAuthorityCode: string | null;
  frenchAuthorityType: string;
  frenchAuthorityRegion: string | null;
  frenchAuthorityUrl: string;
  foreignAuthorityName: string;
  foreignAuthorityType: string;
  countryCode: string;
  countryName: string;
  themes: string[];
  dacCodes: string[];
  startedOn: string | null;
  endedOn: string | null;
  link: string | null;
  confirmedAt: string | null;
}

export const OPEN_PARTNERSHIP_COLUMNS = [
  'id',
  'frenchAuthorityName',
  'frenchAuthorityCode',
  'frenchAuthorityType',
  'frenchAuthorityRegion',
  'frenchAuthorityUrl',
  'foreignAuthorityName',
  'foreignAuthorityType',
  'countryCode',
  'countryName',
  'themes',
  'dacCodes',
  'startedOn',
  'endedOn',
  'link',
  'confirmedAt',
] as const satisfies ReadonlyArray<keyof OpenPartnership & PartnershipColumn['name']>;

const foreign = alias(authorities, 'foreign_authority');

export async function exportOpenPartnerships(db: Database, origin: string): Promise<OpenPartnership[]> {
  const rows = await db
    .select({
      id: partnerships.id,
      frenchId: authorities.id,
      frenchName: authorities.name,
      frenchCode: authorities.officialCode,
      frenchType: authorities.type,
      frenchRegion: authorities.region,
      foreignName: foreign.name,
      foreignType: foreign.type,
      country: foreign.country,
      themes: partnerships.themes,
      startedOn: partnerships.startedOn,
      endedOn: partnerships.endedOn,
      link: partnerships.link,
      confirmedAt: partnerships.confirmedAt,
    })
    .from(partnerships)
    .innerJoin(authorities, eq(authorities.id, partnerships.frenchAuthorityId))
    .innerJoin(foreign, eq(foreign.id, partnerships.foreignAuthorityId))
    .where(eq(partnerships.status, 'confirmed'))
    .orderBy(asc(foreign.country), asc(authorities.name), asc(partnerships.id));
  return rows.map((r) => ({
    id: r.id,
    frenchAuthorityName: r.frenchName,
    // Régions are stored as REG-<INSEE code> to keep them apart from départements; the type column says which.
    frenchAuthorityCode: r.frenchCode?.replace(/^REG-/, '') ?? null,
    frenchAuthorityType: r.frenchType,
    frenchAuthorityRegion: r.frenchRegion,
    frenchAuthorityUrl: `${origin}/collectivites/${r.frenchId}`,
    foreignAuthorityName: r.foreignName,
    foreignAuthorityType: r.foreignType,
    countryCode: r.country,
    countryName: countryName(r.country, 'fr'),
    themes: r.themes,
    dacCodes: [...new Set(r.themes.flatMap((t) => findTheme(t)?.dac ?? []))],
    startedOn: r.startedOn,
    endedOn: r.endedOn,
    link: r.link,
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
  }));
}
