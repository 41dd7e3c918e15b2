import type { Database } from '../db/index.js';
import { cofinancingProgrammes } from '../db/schema/index.js';
import type { Programme } from './catalogue.js';

/**
 * How long a process labels programmes from what it read. A rename made by this process is seen at once
 * (`forgetProgrammeNames`); one made by another instance of the app within this time.
 */
const NAMES_TTL_MS = 30_000;
/** A slug the names do not know has them read again, but not more often than this. */
const UNKNOWN_SLUG_REREAD_MS = 1_000;

interface Names {
  /** When the read finished (null while it runs). */
  readAt: number | null;
  bySlug: Promise<Map<string, string>>;
}

/**
 * Per database handle, so two deployments (or test workers) in one process never share names. On `globalThis`:
 * the Fastify routes (dist/server.js) and the SvelteKit pages (build/server) each bundle their own copy of this
 * module, and a rename through the API must reach the search page's copy.
 */
const CACHE_KEY = Symbol.for('bourse-projets.programme-names');
type G = typeof globalThis & { [CACHE_KEY]?: WeakMap<object, Names> };
const cache = ((globalThis as G)[CACHE_KEY] ??= new WeakMap<object, Names>());

function read(db: Database): Names {
  const names: Names = {
    readAt: null,
    bySlug: db
      .select({ slug: cofinancingProgrammes.slug, name: cofinancingProgrammes.name })
      .from(cofinancingProgrammes)
      .then((rows) => {
        names.readAt = Date.now();
        return new Map(rows.map((r) => [r.slug, r.name]));
      }),
  };
  cache.set(db, names);
  // A failed read is not kept: the next page asks again.
  names.bySlug.catch(() => cache.get(db) === names && cache.delete(db));
  return names;
}

/** The names to use now: the cached ones while fresh (or being read), otherwise a new read. */
function current(db: Database): Names {
  const names = cache.get(db);
  if (names && (names.readAt === null || Date.now() - names.readAt <= NAMES_TTL_MS)) return names;
  return read(db);
}

/**
 * The names of these programmes (closed ones too), for a page that only labels slugs: the search page's facet
 * names the few programmes its results fit. The catalogue is a few dozen rows that change a few times a year;
 * reading them on every search page was one more database round trip per page (about 5 % of its CPU under load).
 * A slug the names do not know (a programme created by another instance) has them read again — once for all the
 * pages waiting at that moment, and at most once a second, whatever slugs links carry.
 */
export async function programmeNames(
  db: Database,
  slugs: readonly string[],
): Promise<Array<Pick<Programme, 'slug' | 'name'>>> {
  if (slugs.length === 0) return [];
  let names = current(db);
  let bySlug = await names.bySlug;
  if (slugs.some((slug) => !bySlug.has(slug))) {
    const latest = cache.get(db);
    if (latest && latest !== names)
      names = latest; // another page already asked again
    else if (names.readAt !== null && Date.now() - names.readAt > UNKNOWN_SLUG_REREAD_MS) names = read(db);
    bySlug = await names.bySlug;
  }
  return slugs.flatMap((slug) => {
    const name = bySlug.get(slug);
    return name === undefined ? [] : [{ slug, name }];
  });
}

/** After this process changed the catalogue: the next page reads the names again. */
export function forgetProgrammeNames(db: Database): void {
  cache.delete(db);
}
