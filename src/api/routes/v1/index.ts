import type { FastifyInstance } from 'fastify';
import authentication from '../../plugins/authentication.js';
import authRoutes from './auth/index.js';
import meRoutes from './me/index.js';

/** Version 1 of the JSON API: each resource registers its own encapsulated folder here. */
export default async function v1Routes(fastify: FastifyInstance) {
  await fastify.register(authentication);
  await fastify.register(authRoutes, { prefix: '/auth' });
  await fastify.register(meRoutes, { prefix: '/me' });
}
