import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { decideMembership } from '../../../../lib/server/trust/membership.js';
import { problems } from '../../../schemas/problem.js';

const Params = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });
const Membership = Type.Object({
  membership: Type.Union([Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('disabled')]),
});

/**
 * Deciding about a member of an authority: an approved colleague (verified address), the correspondent of a
 * foreign authority's country, or an admin (docs/PERMISSIONS.md, "Membership"). Every decision is audited and
 * mailed to the person.
 */
const userRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/:id/approve',
    {
      schema: {
        summary:
          'Approve a member of an authority (a moderator approving a foreign authority’s first member verifies the authority)',
        tags: ['moderation'],
        params: Params,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await decideMembership(fastify.services, request.requireActor(), request.params.id, 'approve');
      return reply.code(204).send(null);
    },
  );

  const withReason = [
    ['reject', 'reject', 'Reject a pending member, with the reason the person is told'],
    [
      'remove',
      'disable',
      'End an approved member’s membership of their authority (they keep their account), with the reason',
    ],
  ] as const;
  for (const [path, decision, summary] of withReason) {
    fastify.post(
      `/:id/${path}`,
      {
        schema: {
          summary,
          tags: ['moderation'],
          params: Params,
          body: Reason,
          response: { 200: Membership, ...problems(400, 401, 403, 404, 409, 415) },
        },
      },
      async (request) =>
        decideMembership(fastify.services, request.requireActor(), request.params.id, decision, request.body.reason),
    );
  }
};

export default userRoutes;
