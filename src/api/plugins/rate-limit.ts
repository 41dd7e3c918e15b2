import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { routedPath } from '../../lib/server/http/routed-path.js';
import { consumeRateLimit, type RateLimitBucket } from '../../lib/server/security/rate-limit.js';

/**
 * API requests limited per IP and per minute: authentication routes (guessing, mail bombing) and search (scraping).
 * The account pages' forms have the same limit in their actions (`limitedPerIp`), which can answer in the page; the
 * search page shares the API's search bucket.
 */
export function limitedBucket(method: string, path: string): RateLimitBucket | null {
  if (method === 'POST' && path.startsWith('/api/v1/auth/')) return 'auth';
  if (method === 'GET' && (path === '/api/v1/search' || path.startsWith('/api/v1/search/'))) return 'search';
  return null;
}

/**
 * Limits come from the configuration (AUTH_RATE_LIMIT, SEARCH_RATE_LIMIT; 0 turns one off) so tests and benchmarks
 * are not throttled by accident. Counted in PostgreSQL (lib/server/security/rate-limit.ts): they hold across
 * instances. Over the limit: 429 problem+json with Retry-After (problem-details.ts).
 */
export default fp(
  async (fastify: FastifyInstance) => {
    const { db, config } = fastify.services;
    const max: Record<'auth' | 'search', number> = { auth: config.rateLimits.auth, search: config.rateLimits.search };
    fastify.addHook('onRequest', async (request) => {
      // The routed path, never the raw URL: `/api/v1/%73earch` runs the search route all the same.
      const bucket = limitedBucket(request.method, routedPath(request));
      if (!bucket || bucket === 'auth-pages' || max[bucket] <= 0) return;
      const refusal = await consumeRateLimit(db, bucket, request.ip, max[bucket]);
      if (refusal) throw refusal;
    });
  },
  { name: 'rate-limit', dependencies: ['services', 'problem-details'] },
);
