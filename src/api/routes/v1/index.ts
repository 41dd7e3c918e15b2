import type { FastifyInstance } from 'fastify';
import authentication from '../../plugins/authentication.js';
import authRoutes from './auth/index.js';
import meRoutes from './me/index.js';
import searchRoutes from './search/index.js';
import accountRoutes from './account/index.js';
import adminInvitationRoutes from './admin/invitations/index.js';
import adminUserRoutes from './admin/users/index.js';
import userRoutes from './users/index.js';
import taxonomiesRoutes from './taxonomies/index.js';
import listingsRoutes from './listings/index.js';
import moderationRoutes from './moderation/index.js';
import accountsQueueRoutes from './accounts-queue/index.js';
import myRoutes from './my/index.js';
import authoritiesRoutes from './authorities/index.js';
import conversationRoutes from './conversations/index.js';
import savedSearchRoutes from './saved-searches/index.js';
import recommendationRoutes from './recommendations/index.js';
import partnershipRoutes from './partnerships/index.js';
import openDataRoutes from './open-data/index.js';
import statisticsRoutes from './statistics/index.js';
import cofinancingRoutes from './cofinancing/index.js';
import notificationRoutes from './notifications/index.js';

/** Version 1 of the JSON API: each resource registers its own encapsulated folder here. */
export default async function v1Routes(fastify: FastifyInstance) {
  await fastify.register(authentication);
  await fastify.register(authRoutes, { prefix: '/auth' });
  await fastify.register(meRoutes, { prefix: '/me' });
  await fastify.register(searchRoutes, { prefix: '/search' });
  await fastify.register(accountRoutes, { prefix: '/account' });
  await fastify.register(adminInvitationRoutes, { prefix: '/admin/invitations' });
  await fastify.register(adminUserRoutes, { prefix: '/admin/users' });
  await fastify.register(userRoutes, { prefix: '/users' });
  await fastify.register(taxonomiesRoutes, { prefix: '/taxonomies' });
  await fastify.register(listingsRoutes, { prefix: '/listings' });
  await fastify.register(moderationRoutes, { prefix: '/moderation' });
  await fastify.register(accountsQueueRoutes, { prefix: '/moderation/accounts' });
  await fastify.register(myRoutes, { prefix: '/my' });
  await fastify.register(authoritiesRoutes, { prefix: '/authorities' });
  await fastify.register(conversationRoutes, { prefix: '/conversations' });
  await fastify.register(savedSearchRoutes, { prefix: '/saved-searches' });
  await fastify.register(recommendationRoutes, { prefix: '/recommendations' });
  await fastify.register(partnershipRoutes, { prefix: '/partnerships' });
  await fastify.register(notificationRoutes, { prefix: '/notifications' });
  await fastify.register(openDataRoutes, { prefix: '/open-data' });
  await fastify.register(statisticsRoutes, { prefix: '/statistics' });
  await fastify.register(cofinancingRoutes, { prefix: '/cofinancing' });
}
