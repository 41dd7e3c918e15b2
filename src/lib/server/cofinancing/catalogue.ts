import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/index.js';
import { cofinancingProgrammeHistory, cofinancingProgrammes } from '../db/schema/index.js';
import { NotFound, PreconditionFailed, PreconditionRequired } from '../errors.js';
import { isUuid } from '../ids.js';
import type { CatalogueEntry } from './fit.js';
import { assertCanAdministerCatalogue } from './permissions.js';
import { forgetProgrammeNames } from './programme-names.js';
import { REFERENCE_PROGRAMMES } from './reference.js';
import { resyncListingsFittedBy } from './search-facet.js';
import { validateProgramme } from './validation.js';

export type Programme = typeof cofinancingProgrammes.$inferSelect;

/** Today in France (calls close at the end of a French day), as 2026-03-31. */
export function todayInFrance(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The whole catalogue, open entries first; closed ones only when asked (the admin list). */
export async function listProgrammes(db: Database, options: { includeClosed?: boolean } = {}): Promise<Programme[]> {
  return db
    .select()
    .from(cofinancingProgrammes)
    .where(options.includeClosed ? undefined : isNull(cofinancingProgrammes.closedAt))
    .orderBy(
      sql`${cofinancingProgrammes.closedAt} is not null`,
      asc(cofinancingProgrammes.kind),
      asc(cofinancingProgrammes.name),
    );
}

export async function loadCatalogue(db: Database): Promise<CatalogueEntry[]> {
  return listProgrammes(db);
}

export async function getProgramme(db: Pick<Database, 'select'>, id: string): Promise<Programme> {
  if (!isUuid(id)) throw new NotFound('This programme');
  const [row] = await db.select().from(cofinancingProgrammes).where(eq(cofinancingProgrammes.id, id)).limit(1);
  if (!row) throw new NotFound('This programme');
  return row;
}

export async function programmeHistory(db: Database, actor: Actor | null, id: string) {
  assertCanAdministerCatalogue(actor);
  await getProgramme(db, id);
  return db
    .select()
    .from(cofinancingProgrammeHistory)
    .where(eq(cofinancingProgrammeHistory.programmeId, id))
    .orderBy(desc(cofinancingProgrammeHistory.version));
}

const snapshotOf = (row: Programme) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  closedAt: row.closedAt?.toISOString() ?? null,
});

function slugFor(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${base || 'programme'}-${Date.now().toString(36)}`;
}

export async function createProgramme(
  db: Database,
  actor: Actor | null,
  raw: Record<string, unknown>,
): Promise<Programme> {
  assertCanAdministerCatalogue(actor);
  const input = validateProgramme(raw);
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cofinancingProgrammes)
      .values({ ...input, slug: slugFor(input.name), updatedBy: actor.userId })
      .returning();
    await tx.insert(cofinancingProgrammeHistory).values({
      programmeId: row!.id,
      version: row!.version,
      action: 'create',
      snapshot: snapshotOf(row!),
      changedBy: actor.userId,
    });
    await resyncListingsFittedBy(tx, [row!]);
    return row!;
  });
  forgetProgrammeNames(db);
  return created;
}

/**
 * One admin change to an entry made on version `expectedVersion`, with its history row: if someone saved in
 * between, 409 with the current entry instead of silently overwriting their change.
 */
async function changeProgramme(
  db: Database,
  actor: Actor | null,
  id: string,
  expectedVersion: number | undefined,
  change: () => { values: Partial<typeof cofinancingProgrammes.$inferInsert>; action: 'edit' | 'close' | 'reopen' },
): Promise<Programme> {
  assertCanAdministerCatalogue(actor);
  if (expectedVersion === undefined || !Number.isInteger(expectedVersion))
    throw new PreconditionRequired('Say which version you edited (If-Match or the form’s version).');
  const { values, action } = change();
  const changed = await db.transaction(async (tx) => {
    const current = await getProgramme(tx, id);
    const [row] = await tx
      .update(cofinancingProgrammes)
      .set({
        ...values,
        version: sql`${cofinancingProgrammes.version} + 1`,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      })
      .where(and(eq(cofinancingProgrammes.id, id), eq(cofinancingProgrammes.version, expectedVersion)))
      .returning();
    if (!row)
      throw new PreconditionFailed(
        'Someone else changed this programme meanwhile: reload it and apply your change again.',
        { current: snapshotOf(current) },
      );
    await tx.insert(cofinancingProgrammeHistory).values({
      programmeId: id,
      version: row.version,
      action,
      snapshot: snapshotOf(row),
      changedBy: actor.userId,
    });
    // The requests it fitted before and those it fits now: their "co-financeable by" facet changes.
    await resyncListingsFittedBy(tx, [current, row]);
    return row;
  });
  forgetProgrammeNames(db);
  return changed;
}

/** Saves an admin's edit made on version `expectedVersion` (409 when someone saved in between). */
export async function updateProgramme(
  db: Database,
  actor: Actor | null,
  id: string,
  raw: Record<string, unknown>,
  expectedVersion: number | undefined,
): Promise<Programme> {
  return changeProgramme(db, actor, id, expectedVersion, () => ({ values: validateProgramme(raw), action: 'edit' }));
}

/** Closes (or reopens) an entry: it stops being offered as a path; its history stays. */
export async function setProgrammeClosed(
  db: Database,
  actor: Actor | null,
  id: string,
  closed: boolean,
  expectedVersion: number | undefined,
): Promise<Programme> {
  return changeProgramme(db, actor, id, expectedVersion, () => ({
    values: { closedAt: closed ? new Date() : null },
    action: closed ? 'close' : 'reopen',
  }));
}

/**
 * Adds the reference entries that are missing (by slug): never overwrites what an admin changed, never brings back
 * an entry an admin closed. Returns how many were added.
 */
export async function loadCofinancingReference(db: Database): Promise<number> {
  const added = await db
    .insert(cofinancingProgrammes)
    .values(REFERENCE_PROGRAMMES.map((p) => ({ ...p })))
    .onConflictDoNothing({ target: cofinancingProgrammes.slug })
    .returning();
  if (added.length) {
    await db.insert(cofinancingProgrammeHistory).values(
      added.map((row) => ({
        programmeId: row.id,
        version: row.version,
        action: 'reference',
        snapshot: snapshotOf(row),
      })),
    );
    await resyncListingsFittedBy(db, added);
    forgetProgrammeNames(db);
  }
  return added.length;
}

/**
 * Programmes whose closing day passed since `since` (an ISO date, exclusive) up to yesterday: the daily job
 * re-evaluates the requests they fitted, whose "co-financeable by" facet no longer lists them.
 */
export async function resyncAfterClosingDays(db: Database, now = new Date(), lookBackDays = 3): Promise<number> {
  const today = todayInFrance(now);
  const since = todayInFrance(new Date(now.getTime() - lookBackDays * 86_400_000));
  const closed = await db
    .select()
    .from(cofinancingProgrammes)
    .where(
      and(
        isNull(cofinancingProgrammes.closedAt),
        sql`${cofinancingProgrammes.closesOn} >= ${since}::date and ${cofinancingProgrammes.closesOn} < ${today}::date`,
      ),
    );
  if (closed.length === 0) return 0;
  return db.transaction((tx) => resyncListingsFittedBy(tx, closed));
}
