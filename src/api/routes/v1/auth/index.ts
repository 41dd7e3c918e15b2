import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { loginWithPassword } from '../../../../lib/server/auth/login.js';
import { invalidateSession, SESSION_COOKIE, sessionCookieOptions } from '../../../../lib/server/auth/session.js';
import { ActorSchema, publicActor } from '../../../schemas/actor.js';
import { problems } from '../../../schemas/problem.js';

const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);

const authRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/login',
    {
      schema: {
        summary: 'Sign in with email and password; sets the session cookie and returns a bearer token',
        tags: ['auth'],
        body: LoginBody,
        response: {
          200: Type.Object({ user: ActorSchema, token: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }),
          ...problems(400, 401, 403, 413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const result = await loginWithPassword(fastify.services.db, { ...request.body, userAgent: request.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(fastify.services.config.origin, result.expiresAt));
      return { user: publicActor(result.actor), token: result.token, expiresAt: result.expiresAt.toISOString() };
    },
  );

  fastify.post(
    '/logout',
    {
      schema: { summary: 'End the current session', tags: ['auth'], response: { 204: Type.Null(), ...problems(401, 403) } },
    },
    async (request, reply) => {
      const actor = request.requireActor();
      if (actor.sessionId) await invalidateSession(fastify.services.db, actor.sessionId, actor.userId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
};

export default authRoutes;
