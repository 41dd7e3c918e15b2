import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { COUNTRIES } from '../../reference/countries.js';
import { frenchAuthoritiesVersion, loadFrenchAuthorities } from '../authorities/french-loader.js';
import type { Database } from '../db/index.js';
import { referenceDatasets } from '../db/schema/index.js';

/** One advisory lock key for every reference load: two processes starting together load once. */
const LOCK_KEY = 0x6272_6566; // "bref"

export interface DatasetResult {
  dataset: string;
  version: string;
  rows: number;
  /** false when the database already held this version. */
  loaded: boolean;
  ms: number;
}

export class ReferenceLoadStopped extends Error {
  constructor() {
    super('reference data load stopped (the app is shutting down); it resumes at the next start');
  }
}

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  // Some packages hide package.json behind "exports": walk up from their entry point.
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version: string;
      };
      if (pkg.name === name) return pkg.version;
    } catch {
      // no package.json at this level
    }
    if (dir === path.dirname(dir)) return 'unknown';
    dir = path.dirname(dir);
  }
}

/**
 * Brings the reference data up to the installed packages' versions: every French région, département, EPCI and
 * commune (@etalab/decoupage-administratif), and records which version of the country list the code carries.
 * Idempotent (upserts, skipped when the recorded version matches), one process at a time (advisory lock), all or
 * nothing (one transaction per dataset). `shouldStop` is polled between batches so a shutdown is not held up.
 */
export async function ensureReferenceData(
  db: Database,
  options: { logger: Logger; force?: boolean; shouldStop?: () => boolean },
): Promise<DatasetResult[]> {
  const { logger } = options;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    const results: DatasetResult[] = [];

    const frenchVersion = frenchAuthoritiesVersion();
    const [recorded] = await tx
      .select()
      .from(referenceDatasets)
      .where(eq(referenceDatasets.dataset, 'french-authorities'));
    if (!options.force && recorded?.version === frenchVersion) {
      results.push({
        dataset: 'french-authorities',
        version: frenchVersion,
        rows: recorded.rows,
        loaded: false,
        ms: 0,
      });
    } else {
      const started = Date.now();
      logger.info(
        { from: recorded?.version ?? null, to: frenchVersion },
        'loading French authorities (régions, départements, EPCI, communes)',
      );
      let lastTenth = -1;
      const rows = await loadFrenchAuthorities(tx, {
        communes: 'all',
        onProgress(done, total) {
          if (options.shouldStop?.()) throw new ReferenceLoadStopped();
          const tenth = Math.floor((done / total) * 10);
          if (tenth !== lastTenth) logger.info({ done, total, percent: tenth * 10 }, 'French authorities: loading');
          lastTenth = tenth;
        },
      });
      const ms = Date.now() - started;
      await record(tx, {
        dataset: 'french-authorities',
        source: '@etalab/decoupage-administratif',
        version: frenchVersion,
        rows,
        ms,
      });
      logger.info({ rows, ms, version: frenchVersion }, 'French authorities loaded');
      results.push({ dataset: 'french-authorities', version: frenchVersion, rows, loaded: true, ms });
    }

    // The country list is compiled into the app (src/lib/reference/countries.data.ts, generated from
    // i18n-iso-countries): recorded so that an operator sees which version serves.
    const countriesVersion = packageVersion('i18n-iso-countries');
    const [countries] = await tx.select().from(referenceDatasets).where(eq(referenceDatasets.dataset, 'countries'));
    const countriesChanged = countries?.version !== countriesVersion || countries.rows !== COUNTRIES.length;
    if (countriesChanged)
      await record(tx, {
        dataset: 'countries',
        source: 'i18n-iso-countries',
        version: countriesVersion,
        rows: COUNTRIES.length,
        ms: 0,
      });
    results.push({
      dataset: 'countries',
      version: countriesVersion,
      rows: COUNTRIES.length,
      loaded: countriesChanged,
      ms: 0,
    });
    return results;
  });
}

async function record(
  tx: Pick<Database, 'insert'>,
  row: { dataset: string; source: string; version: string; rows: number; ms: number },
): Promise<void> {
  await tx
    .insert(referenceDatasets)
    .values({ ...row, loadedAt: new Date() })
    .onConflictDoUpdate({
      target: referenceDatasets.dataset,
      set: { source: row.source, version: row.version, rows: row.rows, ms: row.ms, loadedAt: new Date() },
    });
}

/** What the database holds, for the CLI and the health page. */
export async function referenceDataState(db: Database) {
  return db.select().from(referenceDatasets).orderBy(referenceDatasets.dataset);
}
