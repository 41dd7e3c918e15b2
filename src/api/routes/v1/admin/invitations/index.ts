import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inviteStaff } from '../../../../../lib/server/auth/invitations.js';
import { problems } from '../../../../schemas/problem.js';
import { Email, Locale } from '../../../../schemas/session.js';

/** Admins appoint correspondents (and the countries they cover) and other admins, by invitation. */
const adminInvitationRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/',
    {
      schema: {
        summary: 'Invite a correspondent (with the countries they will cover) or an administrator',
        tags: ['admin'],
        body: Type.Object(
          {
            email: Email,
            role: Type.Union([Type.Literal('correspondent'), Type.Literal('admin')]),
            countries: Type.Optional(Type.Array(Type.String({ minLength: 2, maxLength: 2 }), { maxItems: 60 })),
            locale: Type.Optional(Locale),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            email: Type.String(),
            role: Type.String(),
            countries: Type.Array(Type.String()),
            expiresAt: Type.String({ format: 'date-time' }),
            mailSent: Type.Boolean(),
          }),
          ...problems(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const sent = await inviteStaff(fastify.services, request.requireActor(), request.body);
      return reply.code(201).send({ ...sent, expiresAt: sent.expiresAt.toISOString() });
    },
  );
};

export default adminInvitationRoutes;
