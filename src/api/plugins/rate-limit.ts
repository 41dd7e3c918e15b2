import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { TooManyRequests } from '../../lib/server/errors.js';
import { routedPath } from '../../lib/server/http/routed-path.js';

type Limiter = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * API requests limited per IP and per minute: authentication routes (guessing, mail bombing) and search (scraping).
 * The account pages' forms have the same limit in their actions (`limitedPerIp`), which can answer in the page.
 */
export function limitedBucket(method: string, path: string): 'auth' | 'search' | null {
  if (method === 'POST' && path.startsWith('/api/v1/auth/')) return 'auth';
  if (method === 'GET' && (path === '/api/v1/search' || path.startsWith('/api/v1/search/'))) return 'search';
  return null;
}

/**
 * Limits come from the configuration (AUTH_RATE_LIMIT, SEARCH_RATE_LIMIT; 0 turns one off) so tests and benchmarks
 * are not throttled by accident. Counters are per process: the login throttle, in PostgreSQL, is the shared guard.
 */
export default fp(
  async (fastify: FastifyInstance) => {
    const limits = fastify.services.config.rateLimits;
    await fastify.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new TooManyRequests(`Too many requests: at most ${context.max} a minute. Try again in ${context.after}.`, Math.max(1, Math.ceil(context.ttl / 1000))),
    });
    const limiters: Record<'auth' | 'search', Limiter | null> = {
      auth: limits.auth > 0 ? (fastify.rateLimit({ max: limits.auth, timeWindow: 60_000, keyGenerator: (r) => `auth:${r.ip}` }) as Limiter) : null,
      search: limits.search > 0 ? (fastify.rateLimit({ max: limits.search, timeWindow: 60_000, keyGenerator: (r) => `search:${r.ip}` }) as Limiter) : null,
    };
    fastify.addHook('onRequest', async (request, reply) => {
      // The routed path, never the raw URL: `/api/v1/%73earch` runs the search route all the same.
      const bucket = limitedBucket(request.method, routedPath(request));
      const limiter = bucket ? limiters[bucket] : null;
      if (limiter) await limiter(request, reply);
    });
  },
  { name: 'rate-limit', dependencies: ['services', 'problem-details'] },
);
