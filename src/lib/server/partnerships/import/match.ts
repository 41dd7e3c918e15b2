import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.js';
import { partnershipImportBatches } from '../../db/schema/index.js';
import { Conflict } from '../../errors.js';
import type { Services } from '../../runtime/services.js';
import { recordTrustEvent } from '../../trust/audit.js';
import { isStale, readImportBatch, tableOf, mappingOf, type ImportBatch } from './batches.js';
import { IMPORT_CHUNK } from './limits.js';
import { mapRow, parseMapping, type ImportMapping, type MappedRow } from './map.js';
import { emptyCounts, type ImportReport, type ReportRow } from './report.js';
import { markFailed, removeBatchWrites } from './rollback.js';

/** Below this trigram similarity a French name is not taken for the file's; closer rivals make it ambiguous. */
export const NAME_SIMILARITY = 0.6;
const AMBIGUITY_MARGIN = 0.05;

interface Candidate {
  id: string;
  name: string;
  departement: string | null;
  s: number;
}

const labelOf = (c: { name: string; departement: string | null }) =>
  c.departement ? `${c.name} — ${c.departement}` : c.name;

/** The French authorities the chunk names by code: code → authority. */
async function byCode(services: Services, codes: string[]) {
  if (codes.length === 0) return new Map<string, Candidate>();
  const rows = await services.sql<(Candidate & { code: string })[]>`
    select id, name, departement, official_code as code, 1::float8 as s
    from authorities where kind = 'french' and official_code = any(${codes}::text[])`;
  return new Map(rows.map((r) => [r.code, r]));
}

/** The closest French names (pg_trgm, on the index of lower(name)) for each distinct (name, kind) of the chunk. */
async function byName(services: Services, wanted: Array<{ name: string; type: string | null }>) {
  const found = new Map<string, Candidate[]>();
  if (wanted.length === 0) return found;
  const rows = await services.sql<(Candidate & { i: number })[]>`
    select q.i::int as i, c.id, c.name, c.departement, c.s
    from unnest(${wanted.map((w) => w.name)}::text[], ${wanted.map((w) => w.type)}::text[])
      with ordinality as q(name, type, i)
    cross join lateral (
      select a.id, a.name, a.departement, public.similarity(lower(a.name), lower(q.name))::float8 as s
      from authorities a
      where a.kind = 'french' and (q.type is null or a.type = q.type)
        and lower(a.name) operator(public.%) lower(q.name)
      order by s desc, a.name
      limit 3
    ) c`;
  for (const r of rows) {
    const w = wanted[r.i - 1]!;
    const key = `${w.type}|${w.name}`;
    found.set(key, [...(found.get(key) ?? []), r]);
  }
  return found;
}

/** Foreign authorities already known, by (lower-case name, country): the commit reuses them. */
async function foreignKnown(services: Services, wanted: Array<{ name: string; country: string }>) {
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await services.sql<{ id: string; key: string }[]>`
    select distinct on (lower(q.name), q.country) a.id, lower(q.name) || '|' || q.country as key
    from unnest(${wanted.map((w) => w.name)}::text[], ${wanted.map((w) => w.country)}::text[]) as q(name, country)
    join authorities a on a.kind = 'foreign' and a.country = q.country and lower(a.name) = lower(q.name)
    order by lower(q.name), q.country, a.recorded_from nulls first, a.created_at`;
  return new Map(rows.map((r) => [r.key, r.id]));
}

/** Live partnerships (pending or confirmed) between the pairs: importing them again would add nothing. */
async function existingPairs(services: Services, pairs: Array<{ french: string; foreign: string }>) {
  if (pairs.length === 0) return new Set<string>();
  const rows = await services.sql<{ key: string }[]>`
    select distinct p.french_authority_id::text || '|' || p.foreign_authority_id::text as key
    from unnest(${pairs.map((p) => p.french)}::uuid[], ${pairs.map((p) => p.foreign)}::uuid[]) as q(f, g)
    join partnerships p on p.french_authority_id = q.f and p.foreign_authority_id = q.g
    where p.status <> 'ended'`;
  return new Set(rows.map((r) => r.key));
}

const foreignKey = (row: MappedRow) => `${row.foreignName.toLowerCase()}|${row.country}`;

/**
 * Runs the dry run of a batch, IMPORT_CHUNK rows at a time (a few queries per chunk, the event loop given back
 * between chunks), saving the progress; the report is saved, and the batch made ready, only at the end.
 */
export async function runDryRun(services: Services, batchId: string): Promise<ImportReport> {
  const [batch] = await services.db
    .select()
    .from(partnershipImportBatches)
    .where(eq(partnershipImportBatches.id, batchId));
  const table = tableOf(batch!);
  const mapping = mappingOf(batch!);
  const counts = emptyCounts();
  const report: ReportRow[] = [];
  const seen = new Set<string>();
  const newForeign = new Set<string>();

  for (let start = 0; start < table.rows.length; start += IMPORT_CHUNK) {
    const chunk = table.rows.slice(start, start + IMPORT_CHUNK);
    const mapped = chunk.map((cells) => mapRow(cells, mapping));
    const valid = mapped.flatMap((m) => (m.ok ? [m.row] : []));
    const codes = await byCode(services, [...new Set(valid.flatMap((r) => (r.frenchCode ? [r.frenchCode] : [])))]);
    const names = new Map<string, { name: string; type: string | null }>();
    for (const r of valid)
      if (!r.frenchCode && r.frenchName)
        names.set(`${r.frenchType}|${r.frenchName}`, { name: r.frenchName, type: r.frenchType });
    const similar = await byName(services, [...names.values()]);
    const foreignWanted = new Map(valid.map((r) => [foreignKey(r), { name: r.foreignName, country: r.country }]));
    const foreign = await foreignKnown(services, [...foreignWanted.values()]);

    // First the French side of every row, then one query for the partnerships that already exist.
    const decided = mapped.map((m, i) => {
      const given = (field: keyof ImportMapping) => (mapping[field] === null ? '' : (chunk[i]![mapping[field]!] ?? ''));
      const base: ReportRow = {
        line: start + i + 2,
        outcome: 'invalid',
        reason: null,
        given: {
          french: [given('frenchName'), given('frenchCode')].filter(Boolean).join(' / ').slice(0, 300),
          foreign: given('foreignName').slice(0, 300),
          country: given('country').slice(0, 100),
        },
        frenchId: null,
        frenchLabel: null,
        similarity: null,
        foreignId: null,
        foreignName: null,
        country: null,
        themes: [],
        unknownThemes: [],
        startedOn: null,
        endedOn: null,
      };
      if (!m.ok) return { ...base, reason: m.reason, field: m.field };
      const row = m.row;
      const filled: ReportRow = {
        ...base,
        foreignId: foreign.get(foreignKey(row)) ?? null,
        foreignName: row.foreignName,
        country: row.country,
        themes: row.themes,
        unknownThemes: row.unknownThemes,
        startedOn: row.startedOn,
        endedOn: row.endedOn,
      };
      if (row.frenchCode) {
        const hit = codes.get(row.frenchCode);
        if (!hit) return { ...filled, outcome: 'unmatched' as const, reason: 'unknown_code' as const };
        return { ...filled, outcome: 'code' as const, frenchId: hit.id, frenchLabel: labelOf(hit), similarity: 1 };
      }
      const candidates = similar.get(`${row.frenchType}|${row.frenchName}`) ?? [];
      const [best, second] = candidates;
      if (!best || best.s < NAME_SIMILARITY)
        return {
          ...filled,
          outcome: 'unmatched' as const,
          reason: 'no_similar_name' as const,
          frenchLabel: best ? labelOf(best) : null,
          similarity: best?.s ?? null,
        };
      if (second && second.s >= NAME_SIMILARITY && second.s >= best.s - AMBIGUITY_MARGIN)
        return {
          ...filled,
          outcome: 'unmatched' as const,
          reason: 'ambiguous' as const,
          frenchLabel: candidates.map(labelOf).join(' ; '),
          similarity: best.s,
        };
      return { ...filled, outcome: 'name' as const, frenchId: best.id, frenchLabel: labelOf(best), similarity: best.s };
    });
    const pairs = decided.flatMap((r) =>
      r.frenchId && r.foreignId ? [{ french: r.frenchId, foreign: r.foreignId }] : [],
    );
    const existing = await existingPairs(services, pairs);
    for (const r of decided) {
      if (r.outcome === 'code' || r.outcome === 'name') {
        const pairKey = `${r.frenchId}|${r.foreignId ?? `new:${r.foreignName!.toLowerCase()}|${r.country}`}`;
        if (r.foreignId && existing.has(`${r.frenchId}|${r.foreignId}`)) {
          r.outcome = 'duplicate';
          r.reason = 'existing';
        } else if (seen.has(pairKey)) {
          r.outcome = 'duplicate';
          r.reason = 'in_file';
        } else {
          seen.add(pairKey);
          if (!r.foreignId) newForeign.add(`${r.foreignName!.toLowerCase()}|${r.country}`);
        }
      }
      counts[r.outcome] += 1;
      report.push(r);
    }
    await services.db
      .update(partnershipImportBatches)
      .set({ processed: start + chunk.length, updatedAt: new Date() })
      .where(eq(partnershipImportBatches.id, batchId));
    await yieldToEventLoop();
  }
  counts.newForeign = newForeign.size;
  const result: ImportReport = { counts, rows: report };
  await services.db
    .update(partnershipImportBatches)
    .set({ status: 'ready', report: result, processed: table.rows.length, updatedAt: new Date() })
    .where(and(eq(partnershipImportBatches.id, batchId), eq(partnershipImportBatches.status, 'matching')));
  return result;
}

/**
 * Checks the admin's mapping and starts the dry run (again, after a new mapping, while nothing is committed).
 * Returns at once; `done` settles when the run ends (a failure is recorded on the batch, never thrown at the page).
 */
export async function startDryRun(
  services: Services,
  actor: Actor | null,
  batchId: string,
  rawMapping: Record<string, unknown>,
): Promise<{ batch: ImportBatch; done: Promise<void> }> {
  const current = await readImportBatch(services.db, actor, batchId);
  const mapping = parseMapping(rawMapping, tableOf(current).headers.length);
  const restartable = ['uploaded', 'ready', 'failed'];
  if (!restartable.includes(current.status) && !isStale(current))
    throw new Conflict('This import is running or already committed: it can no longer be checked again.', {
      status: current.status,
    });
  const [batch] = await services.db
    .update(partnershipImportBatches)
    .set({ status: 'matching', mapping, processed: 0, report: null, error: null, updatedAt: new Date() })
    .where(
      and(
        eq(partnershipImportBatches.id, batchId),
        // Only from the state read above: of two starts at once, the second finds 'matching' and stops.
        inArray(partnershipImportBatches.status, [...restartable, ...(isStale(current) ? [current.status] : [])]),
      ),
    )
    .returning();
  if (!batch) throw new Conflict('This import changed at the same time: reload the page.');
  // A commit cut off by a restart left some chunks: they go before the batch is checked again.
  if (current.status === 'committing') await services.db.transaction((tx) => removeBatchWrites(tx, batchId));
  await recordTrustEvent(services.db, {
    actor,
    action: 'partnership_import.dry_run',
    details: { batchId, mapping },
  });
  const done = runDryRun(services, batchId).then(
    () => undefined,
    (error: unknown) => markFailed(services, batchId, error),
  );
  return { batch, done };
}
