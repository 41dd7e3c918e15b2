import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ActorSchema, publicActor } from '../../../schemas/actor.js';
import { problems } from '../../../schemas/problem.js';

const meRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/',
    {
      schema: {
        summary: 'The signed-in person, their role and (for correspondents) their countries',
        tags: ['auth'],
        response: { 200: Type.Object({ user: ActorSchema }), ...problems(401) },
      },
    },
    async (request) => ({ user: publicActor(request.requireActor()) }),
  );
};

export default meRoutes;
