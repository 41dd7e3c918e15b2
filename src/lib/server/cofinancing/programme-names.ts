import type { Database } from '../db/index.js';
import { cofinancingProgrammes } from '../db/schema/index.js';
import type { Programme } from './catalogue.js';

/**
 * How long a process labels programmes from what it read. A rename made by this process is seen at once
 * (`forgetProgrammeNames`); one made by another instance of the app within this time.
 */
const NAMES_TTL_MS = 30_000;

interface Names {
  readAt: number;
  bySlug: Promise<Map<string, string>>;
}

/** Per database handle, so two deployments (or test workers) in one process never share names. */
const cache = new WeakMap<object, Names>();

function read(db: Database): Names {
  const bySlug = db
    .select({ slug: cofinancingProgrammes.slug, name: cofinancingProgrammes.name })
    .from(cofinancingProgrammes)
    .then((rows) => new Map(rows.map((r) => [r.slug, r.name])));
  const names = { readAt: Date.now(), bySlug };
  cache.set(db, names);
  // A failed read is not kept: the next page asks again.
  bySlug.catch(() => cache.get(db) === names && cache.delete(db));
  return names;
}

/**
 * The names of these programmes (closed ones too), for a page that only labels slugs: the search page's facet
 * names the few programmes its results fit. The catalogue is a few dozen rows that change a few times a year;
 * reading them on every search page was one more database round trip per page (about 5 % of its CPU under load).
 * A slug the names do not know yet (a programme created by another instance) has them read again.
 */
export async function programmeNames(
  db: Database,
  slugs: readonly string[],
): Promise<Array<Pick<Programme, 'slug' | 'name'>>> {
  if (slugs.length === 0) return [];
  let names = cache.get(db);
  if (!names || Date.now() - names.readAt > NAMES_TTL_MS) names = read(db);
  let bySlug = await names.bySlug;
  if (slugs.some((slug) => !bySlug.has(slug)) && Date.now() - names.readAt > 1_000) bySlug = await read(db).bySlug;
  return slugs.flatMap((slug) => {
    const name = bySlug.get(slug);
    return name === undefined ? [] : [{ slug, name }];
  });
}

/** After this process changed the catalogue: the next page reads the names again. */
export function forgetProgrammeNames(db: Database): void {
  cache.delete(db);
}
