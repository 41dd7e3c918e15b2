import { inArray } from 'drizzle-orm';
import { COUNTRIES, isForeignCountry, isSovereignForeignCountry } from '../../reference/countries.js';
import type { Database } from '../db/index.js';
import { correspondentCountries } from '../db/schema/index.js';

const TERRITORIES = COUNTRIES.map((c) => c.code).filter((c) => isForeignCountry(c) && !isSovereignForeignCountry(c));

/** The dependent territories some correspondent covers: someone there can vouch for an authority. */
async function coveredTerritories(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ country: correspondentCountries.country })
    .from(correspondentCountries)
    .where(inArray(correspondentCountries.country, TERRITORIES));
  return rows.map((r) => r.country);
}

/**
 * Countries a foreign authority may register in: every sovereign foreign country, plus the territories a
 * correspondent covers. Never France, its overseas departments and collectivities, nor uninhabited territories.
 */
export async function registrableCountries(db: Database): Promise<string[]> {
  const covered = new Set(await coveredTerritories(db));
  return COUNTRIES.map((c) => c.code).filter((c) => isSovereignForeignCountry(c) || covered.has(c));
}

export async function isRegistrableCountry(db: Database, code: string): Promise<boolean> {
  if (isSovereignForeignCountry(code)) return true;
  return isForeignCountry(code) && (await coveredTerritories(db)).includes(code);
}
