import { and, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Database } from '../db/index.js';
import { registrationLog } from '../db/schema/index.js';
import { TooManyRequests } from '../errors.js';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
const HOUR = 3_600_000;

/**
 * Counts the registration against the hourly limits (per client address, per country) and records it, inside the
 * registration's transaction. Registrations take a transaction-scoped lock so concurrent ones cannot both pass
 * the last free slot.
 */
export async function admitRegistration(tx: Tx, config: Config, clientKey: string, country: string): Promise<void> {
  const { perClientPerHour, perCountryPerHour } = config.registrationLimits;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('registration-limits'))`);
  const since = new Date(Date.now() - HOUR);
  if (perClientPerHour > 0) {
    const [row] = await tx
      .select({ n: count() })
      .from(registrationLog)
      .where(and(eq(registrationLog.clientKey, clientKey), gt(registrationLog.createdAt, since)));
    if ((row?.n ?? 0) >= perClientPerHour)
      throw new TooManyRequests(
        'Too many accounts were created from your connection in the last hour: try again later.',
        3600,
      );
  }
  if (perCountryPerHour > 0) {
    const [row] = await tx
      .select({ n: count() })
      .from(registrationLog)
      .where(and(eq(registrationLog.country, country), gt(registrationLog.createdAt, since)));
    if ((row?.n ?? 0) >= perCountryPerHour) {
      throw new TooManyRequests(
        'Too many accounts were created for this country in the last hour: try again later, or contact the embassy’s correspondent.',
        3600,
      );
    }
  }
  await tx.insert(registrationLog).values({ clientKey, country });
}

export interface RegistrationAnomaly {
  country: string;
  lastHour: number;
  threshold: number;
}

/** Countries with more registrations in the last hour than the anomaly threshold (null scope: every country). */
export async function registrationAnomalies(
  db: Pick<Database, 'select'>,
  config: Config,
  countries: string[] | null,
): Promise<RegistrationAnomaly[]> {
  const threshold = config.registrationLimits.anomalyPerCountryPerHour;
  if (threshold <= 0 || (countries && countries.length === 0)) return [];
  const rows = await db
    .select({ country: registrationLog.country, n: count() })
    .from(registrationLog)
    .where(
      and(
        gt(registrationLog.createdAt, new Date(Date.now() - HOUR)),
        countries ? inArray(registrationLog.country, countries) : undefined,
      ),
    )
    .groupBy(registrationLog.country)
    .having(sql`count(*) > ${threshold}`)
    .orderBy(desc(count()));
  return rows.map((r) => ({ country: r.country, lastHour: Number(r.n), threshold }));
}

/** Old rows serve no limit: a day is kept, for the anomaly and for looking back at a flood. */
export async function pruneRegistrationLog(db: Database): Promise<number> {
  const removed = await db
    .delete(registrationLog)
    .where(sql`${registrationLog.createdAt} < now() - interval '1 day'`)
    .returning({ id: registrationLog.id });
  return removed.length;
}
