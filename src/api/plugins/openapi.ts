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
        // Swagger UI lists the tags in this order: what anyone may use without an account first.
        tags: [
          { name: 'search', description: 'Public: search published cooperation requests' },
          {
            name: 'open data',
            description: 'Public: published requests as open data (Licence Ouverte 2.0), see /donnees-ouvertes',
          },
          { name: 'reference', description: 'Public: countries, themes and other reference lists' },
          { name: 'statistics', description: 'Public figures' },
          { name: 'listings' },
          { name: 'cofinancing' },
          { name: 'partnerships' },
          { name: 'recommendations' },
          { name: 'alerts' },
          { name: 'conversations' },
          { name: 'authorities' },
          { name: 'moderation' },
          { name: 'admin' },
          { name: 'auth', description: 'Accounts and sessions' },
        ],
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
