import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listMyListings } from '../../../../lib/server/listings/queries.js';
import { FullListingSchema } from '../../../schemas/listing.js';
import { problems } from '../../../schemas/problem.js';

/** The signed-in person's own things. */
const myRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/listings',
    {
      schema: {
        summary: 'Every request of your authority, in any state, most recently changed first',
        tags: ['listings'],
        response: { 200: Type.Object({ items: Type.Array(FullListingSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await listMyListings(fastify.services.db, request.actor) }),
  );
};

export default myRoutes;
