import type { FastifyInstance } from 'fastify';

/** Version 1 of the JSON API: each resource registers its own encapsulated folder here. */
export default async function v1Routes(fastify: FastifyInstance) {
  void fastify;
}
