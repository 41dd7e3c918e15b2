import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../../lib/server/auth/actor.js';
import { authenticate } from '../../lib/server/auth/authenticate.js';
import { SESSION_COOKIE } from '../../lib/server/auth/session.js';
import { Unauthenticated } from '../../lib/server/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The signed-in person, or a 401 problem. */
    requireActor(): Actor;
  }
}

/** Reads the session from the cookie (browsers) or `Authorization: Bearer <token>` (API clients). */
export default fp(
  async (fastify: FastifyInstance) => {
    await fastify.register(cookie);
    fastify.decorateRequest('actor', null);
    fastify.decorateRequest('requireActor', function (this: { actor: Actor | null }) {
      if (!this.actor) throw new Unauthenticated();
      return this.actor;
    });
    fastify.addHook('preHandler', async (request) => {
      const header = request.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : request.cookies[SESSION_COOKIE];
      const result = await authenticate(fastify.services.db, token);
      request.actor = result?.actor ?? null;
    });
  },
  { name: 'authentication', dependencies: ['services'] },
);
