import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Services } from '../../lib/server/runtime/services.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/** Exposes the process-wide services (database, search, domain) to every route. */
export default fp(
  async (fastify: FastifyInstance, opts: { services: Services }) => {
    fastify.decorate('services', opts.services);
  },
  { name: 'services' },
);
