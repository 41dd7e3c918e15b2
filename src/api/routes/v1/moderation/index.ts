import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { moderationQueue } from '../../../../lib/server/listings/queries.js';
import { QueueItemSchema } from '../../../schemas/listing.js';
import { problems } from '../../../schemas/problem.js';

const moderationRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/queue',
    {
      schema: {
        summary: 'What waits for your decision in the countries you cover, oldest first, with the waiting time',
        tags: ['moderation'],
        querystring: Type.Object(
          {
            country: Type.Optional(
              Type.String({
                pattern: '^[A-Za-z]{2}$',
                description: 'Only this country (ISO 3166-1 alpha-2), within your perimeter',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(QueueItemSchema), total: Type.Integer() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const items = await moderationQueue(
        fastify.services.db,
        request.actor,
        new Date(),
        request.query.country?.toUpperCase(),
      );
      return { items, total: items.length };
    },
  );
};

export default moderationRoutes;
