import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { verifyAuthority } from '../../../../lib/server/authorities/verify.js';
import { publicAuthority } from '../../../../lib/server/listings/projection.js';
import { problems } from '../../../schemas/problem.js';

const VerifiedAuthority = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  type: Type.String(),
  country: Type.String(),
  verified: Type.Boolean(),
  verifiedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const authoritiesRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/:id/verify',
    {
      schema: {
        summary:
          'Verify a foreign authority (the correspondent of its country or an admin); its requests can then be published',
        tags: ['authorities'],
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: VerifiedAuthority, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const authority = await verifyAuthority(fastify.services.db, request.actor, request.params.id);
      return { ...publicAuthority(authority), verifiedAt: authority.verifiedAt?.toISOString() ?? null };
    },
  );
};

export default authoritiesRoutes;
