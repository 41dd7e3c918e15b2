import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Forbidden } from '../../lib/server/errors.js';
import { isApiPath, routedPath } from '../../lib/server/http/routed-path.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a cookie-carrying browser request is cross-site, or null. Browsers send Sec-Fetch-Site and Origin on every
 * cross-site POST, so a request that has neither comes from a non-browser client, which no victim's cookie
 * can be ridden by.
 */
export function crossSiteReason(request: Pick<FastifyRequest, 'headers'>, allowedOrigin: string): string | null {
  const site = request.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site is ${site}`;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== allowedOrigin) return `Origin ${origin} is not ${allowedOrigin}`;
  return null;
}

/**
 * CSRF for the JSON API (SvelteKit checks its own form posts): every state-changing /api request must come from
 * our origin, unless it carries a bearer token, which a browser never adds on its own.
 */
export default fp(
  async (fastify: FastifyInstance) => {
    const allowedOrigin = fastify.services.config.origin;
    fastify.addHook('onRequest', async (request) => {
      // The routed path: `/%61pi/…` runs an /api route too.
      if (SAFE_METHODS.has(request.method) || !isApiPath(routedPath(request))) return;
      if (request.headers.authorization?.startsWith('Bearer ')) return;
      const reason = crossSiteReason(request, allowedOrigin);
      if (reason) {
        request.log.warn({ reason }, 'cross-site request refused');
        throw new Forbidden('Cross-site request refused: send it from the site itself, or with a bearer token.');
      }
    });
  },
  { name: 'csrf', dependencies: ['services', 'problem-details'] },
);
