import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { authorities } from '../db/schema/index.js';

// French local authorities from the official administrative division (@etalab/decoupage-administratif, INSEE
// codes and legal populations). official_code is the INSEE code (communes "22113", départements "22") or the
// SIREN (EPCI); régions get "REG-53" because their INSEE codes collide with départements' ("53" is both).

interface Region {
  code: string;
  nom: string;
}
interface Departement {
  code: string;
  nom: string;
  region: string;
}
interface Commune {
  code: string;
  nom: string;
  type: string;
  region?: string;
  departement?: string;
  population?: number;
}
interface Epci {
  code: string;
  nom: string;
  populationMunicipale?: number;
  membres: Array<{ code: string }>;
}

export type FrenchAuthorityRow = typeof authorities.$inferInsert;

function packageDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/package.json'));
}

/** The installed version of the official data: a new one is loaded at the next start. */
export function frenchAuthoritiesVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageDir(), 'package.json'), 'utf8')) as { version: string }).version;
}

function readData<T>(file: string): T {
  const dir = packageDir();
  return JSON.parse(readFileSync(path.join(dir, 'data', file), 'utf8')) as T;
}

export const frenchCode = (kind: 'region' | 'departement' | 'commune' | 'epci', code: string) =>
  kind === 'region' ? `REG-${code}` : code;

/**
 * The rows to load. `communes: 'all'` takes the 35,000 current communes and the EPCI; a list of INSEE codes
 * takes just those (the demo start stays fast). Régions and départements always come, their population summed
 * from their communes.
 */
export function frenchAuthorityRows(options: { communes: 'all' | string[] }): FrenchAuthorityRow[] {
  const regions = readData<Region[]>('regions.json');
  const departements = readData<Departement[]>('departements.json');
  const communes = readData<Commune[]>('communes.json').filter((c) => c.type === 'commune-actuelle');
  const regionName = new Map(regions.map((r) => [r.code, r.nom]));
  const departementLabel = new Map(departements.map((d) => [d.code, `${d.nom} (${d.code})`]));
  const communeByCode = new Map(communes.map((c) => [c.code, c]));
  const sum = (key: 'region' | 'departement') => {
    const totals = new Map<string, number>();
    for (const c of communes) if (c[key]) totals.set(c[key]!, (totals.get(c[key]!) ?? 0) + (c.population ?? 0));
    return totals;
  };
  const regionPopulation = sum('region');
  const departementPopulation = sum('departement');
  const base = { kind: 'french' as const, country: 'FR', verifiedAt: new Date() };

  const rows: FrenchAuthorityRow[] = [
    ...regions.map((r) => ({
      ...base,
      type: 'region',
      name: r.nom,
      officialCode: frenchCode('region', r.code),
      region: r.nom,
      population: regionPopulation.get(r.code) ?? null,
    })),
    ...departements.map((d) => ({
      ...base,
      type: 'departement',
      name: d.nom,
      officialCode: frenchCode('departement', d.code),
      region: regionName.get(d.region) ?? null,
      population: departementPopulation.get(d.code) ?? null,
    })),
  ];
  const wanted =
    options.communes === 'all'
      ? communes
      : options.communes.map((code) => communeByCode.get(code)).filter((c): c is Commune => !!c);
  rows.push(
    ...wanted.map((c) => ({
      ...base,
      type: 'commune',
      name: c.nom,
      officialCode: frenchCode('commune', c.code),
      region: (c.region && regionName.get(c.region)) || null,
      departement: (c.departement && departementLabel.get(c.departement)) || null,
      population: c.population ?? null,
    })),
  );
  if (options.communes === 'all') {
    for (const e of readData<Epci[]>('epci.json')) {
      const seat = e.membres.map((m) => communeByCode.get(m.code)).find((c) => c?.region);
      rows.push({
        ...base,
        type: 'epci',
        name: e.nom,
        officialCode: frenchCode('epci', e.code),
        region: (seat?.region && regionName.get(seat.region)) || null,
        population: e.populationMunicipale ?? null,
      });
    }
  }
  return rows;
}

/** Upserts in batches (name and population follow the official data; verification and ids stay). */
export async function loadFrenchAuthorities(
  db: Pick<Database, 'insert'>,
  options: { communes: 'all' | string[]; batchSize?: number; onProgress?: (done: number, total: number) => void },
): Promise<number> {
  const rows = frenchAuthorityRows(options);
  const batchSize = options.batchSize ?? 1000;
  for (let i = 0; i < rows.length; i += batchSize) {
    await db
      .insert(authorities)
      .values(rows.slice(i, i + batchSize))
      .onConflictDoUpdate({
        target: [authorities.kind, authorities.officialCode],
        set: {
          name: sql`excluded.name`,
          population: sql`excluded.population`,
          region: sql`excluded.region`,
          departement: sql`excluded.departement`,
          type: sql`excluded.type`,
          updatedAt: new Date(),
        },
      });
    options.onProgress?.(Math.min(i + batchSize, rows.length), rows.length);
  }
  return rows.length;
}
