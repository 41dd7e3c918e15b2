import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { isApiPath, routedPath } from '../../lib/server/http/routed-path.js';

/**
 * Helmet's headers on every /api answer (pages get theirs from SvelteKit: hijacked replies skip Fastify's hooks).
 * The CSP is strict yet lets the self-hosted API docs (/api/docs) run.
 */
export default fp(
  async (fastify: FastifyInstance) => {
    // Not global: helmet writes to the raw response, and pages (handed to SvelteKit) carry their own CSP.
    await fastify.register(helmet, {
      global: false,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      // HSTS only means something over HTTPS; a reverse proxy in front usually sets it.
      strictTransportSecurity: fastify.services.config.origin.startsWith('https:'),
    });
    // No nonces: helmet's headers are the same on every answer. Helmet builds its middleware (parsing the CSP) on
    // each call, so it runs once, on the first API request, and its headers are replayed from then on.
    let headers: Array<[string, string | number | string[]]> | null = null;
    fastify.addHook('onRequest', async (request, reply) => {
      if (!isApiPath(routedPath(request))) return;
      if (headers) {
        for (const [name, value] of headers) reply.raw.setHeader(name, value);
        return;
      }
      const before = new Set(reply.raw.getHeaderNames());
      reply.helmet();
      headers = Object.entries(reply.raw.getHeaders())
        .filter(([name, value]) => !before.has(name) && value !== undefined)
        .map(([name, value]) => [name, value!]);
    });
  },
  { name: 'security-headers', dependencies: ['services'] },
);
