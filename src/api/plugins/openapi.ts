import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { APP_VERSION } from '../../lib/server/version.js';

/** OpenAPI document generated from the route schemas, served at /api/openapi.json, readable at /api/docs. */
export default fp(
  async (fastify: FastifyInstance) => {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Bourse-projets API',
          version: APP_VERSION,
          description:
            'JSON API of Bourse-projets, the partnership marketplace of French decentralised cooperation. Errors are RFC 9457 problem documents.',
        },
        components: {
          securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'session' } },
        },
      },
    });
    await fastify.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
    fastify.get('/api/openapi.json', { schema: { hide: true } }, async () => fastify.swagger());
  },
  { name: 'openapi' },
);
