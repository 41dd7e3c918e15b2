import { lt, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { rateLimitWindows } from '../db/schema/index.js';
import { TooManyRequests } from '../errors.js';

/**
 * The per-IP limits of the API and the pages (AUTH_RATE_LIMIT, SEARCH_RATE_LIMIT), counted in PostgreSQL: one
 * upsert per limited request, so every app process counts against the same window. A bucket is a kind of request
 * (`search` is shared by `GET /api/v1/search`, the `/recherche` page and its `__data.json`).
 */
export type RateLimitBucket = 'auth' | 'auth-pages' | 'search';

const WINDOW_MS = 60_000;
/** Old windows are swept now and then, by whichever request happens to draw it. */
const SWEEP_PROBABILITY = 0.001;

/** Counts one request of `client` in `bucket`: null while within `max` a minute, else the refusal (Retry-After). */
export async function consumeRateLimit(
  db: Database,
  bucket: RateLimitBucket,
  client: string,
  max: number,
): Promise<TooManyRequests | null> {
  if (max <= 0) return null;
  const key = `${bucket}:${client}`;
  const expired = sql`${rateLimitWindows.windowStart} <= now() - make_interval(secs => ${WINDOW_MS / 1000})`;
  const [row] = await db
    .insert(rateLimitWindows)
    .values({ key, hits: 1, windowStart: sql`now()` })
    .onConflictDoUpdate({
      target: rateLimitWindows.key,
      set: {
        windowStart: sql`case when ${expired} then now() else ${rateLimitWindows.windowStart} end`,
        hits: sql`case when ${expired} then 1 else ${rateLimitWindows.hits} + 1 end`,
      },
    })
    .returning({
      hits: rateLimitWindows.hits,
      resetInMs: sql<number>`extract(epoch from (${rateLimitWindows.windowStart} + make_interval(secs => ${WINDOW_MS / 1000}) - now())) * 1000`,
    });
  if (Math.random() < SWEEP_PROBABILITY) {
    void db
      .delete(rateLimitWindows)
      .where(lt(rateLimitWindows.windowStart, sql`now() - interval '1 hour'`))
      .catch(() => {});
  }
  if (!row || row.hits <= max) return null;
  const retryAfterSeconds = Math.max(1, Math.ceil(Number(row.resetInMs) / 1000));
  return new TooManyRequests(
    `Too many requests: at most ${max} a minute. Try again in ${retryAfterSeconds} seconds.`,
    retryAfterSeconds,
  );
}
