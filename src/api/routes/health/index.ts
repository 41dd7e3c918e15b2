import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { checkHealth } from '../../../lib/server/runtime/health.js';

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  postgres: Type.Union([Type.Literal('ok'), Type.Literal('down'), Type.Literal('restarting')]),
  meilisearch: Type.Union([Type.Literal('ok'), Type.Literal('down'), Type.Literal('restarting')]),
  version: Type.String(),
  down: Type.Optional(Type.Array(Type.String())),
});

const healthRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/',
    {
      schema: {
        summary: 'Liveness of the app and of the services it depends on',
        tags: ['system'],
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    },
    async (_request, reply) => {
      const health = await checkHealth(fastify.services);
      return reply.code(health.status === 'ok' ? 200 : 503).send(health);
    },
  );
};

export default healthRoutes;
