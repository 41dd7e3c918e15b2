import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { approveUser } from '../../../../lib/server/auth/trust.js';
import { problems } from '../../../schemas/problem.js';

/** Vouching for people: an admin for anyone, a correspondent for foreign authorities of the countries they cover. */
const userRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/:id/approve',
    {
      schema: {
        summary: "Approve a member of an authority (and verify the authority if it was not yet)",
        tags: ['moderation'],
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await approveUser(fastify.services.db, request.requireActor(), request.params.id);
      return reply.code(204).send(null);
    },
  );
};

export default userRoutes;
