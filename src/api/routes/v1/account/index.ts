import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  changePassword,
  deleteMyAccount,
  exportMyData,
  getProfile,
  updateProfile,
} from '../../../../lib/server/auth/account.js';
import { inviteColleague } from '../../../../lib/server/auth/invitations.js';
import { invalidateOtherSessions, invalidateSession, listSessions } from '../../../../lib/server/auth/session.js';
import { problems } from '../../../schemas/problem.js';
import { Email, Locale, Password, SessionStarted } from '../../../schemas/session.js';
import { endSession, startSession } from '../../../session-cookie.js';

const strict = { additionalProperties: false } as const;
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const Profile = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  displayName: Type.String(),
  jobTitle: Nullable(Type.String()),
  locale: Locale,
  role: Type.String(),
  emailVerified: Type.Boolean(),
  approved: Type.Boolean(),
  membership: Type.Union([
    Type.Literal('pending'),
    Type.Literal('approved'),
    Type.Literal('rejected'),
    Type.Literal('disabled'),
    Type.Null(),
  ]),
  membershipReason: Nullable(Type.String()),
  countries: Type.Array(Type.String()),
  authority: Type.Union([
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      country: Type.String(),
      verified: Type.Boolean(),
    }),
    Type.Null(),
  ]),
  createdAt: Type.String({ format: 'date-time' }),
});

const SessionItem = Type.Object({
  id: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastVerifiedAt: Type.String({ format: 'date-time' }),
  userAgent: Nullable(Type.String()),
  current: Type.Boolean(),
});

/** The signed-in person's own account: profile, password, sessions, export and erasure (GDPR). */
const accountRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db, config } = fastify.services;
  const tags = ['account'];

  fastify.get(
    '/',
    { schema: { summary: 'My profile', tags, response: { 200: Profile, ...problems(401) } } },
    async (request) => {
      const profile = await getProfile(db, request.requireActor());
      return { ...profile, createdAt: profile.createdAt.toISOString() };
    },
  );

  fastify.patch(
    '/',
    {
      schema: {
        summary: 'Update my name, job title or language',
        tags,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ maxLength: 200 })),
            jobTitle: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
            locale: Type.Optional(Locale),
          },
          strict,
        ),
        response: { 204: Type.Null(), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await updateProfile(db, request.requireActor(), request.body);
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/password',
    {
      schema: {
        summary: 'Change my password: every session ends, this client continues in a new one',
        tags,
        body: Type.Object(
          { currentPassword: Type.String({ minLength: 1, maxLength: 1024 }), newPassword: Password },
          strict,
        ),
        response: { 200: SessionStarted, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const result = await changePassword(db, request.requireActor(), {
        ...request.body,
        userAgent: request.headers['user-agent'],
      });
      return startSession(reply, config.origin, result);
    },
  );

  fastify.get(
    '/sessions',
    {
      schema: {
        summary: 'My open sessions',
        tags,
        response: { 200: Type.Object({ sessions: Type.Array(SessionItem) }), ...problems(401) },
      },
    },
    async (request) => {
      const actor = request.requireActor();
      const sessions = await listSessions(db, actor.userId, actor.sessionId);
      return {
        sessions: sessions.map((s) => ({
          ...s,
          createdAt: s.createdAt.toISOString(),
          lastVerifiedAt: s.lastVerifiedAt.toISOString(),
        })),
      };
    },
  );

  fastify.delete(
    '/sessions/:id',
    {
      schema: {
        summary: 'End one of my sessions (another device)',
        tags,
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 204: Type.Null(), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const actor = request.requireActor();
      await invalidateSession(db, request.params.id, actor.userId);
      if (request.params.id === actor.sessionId) endSession(reply);
      return reply.code(204).send(null);
    },
  );

  fastify.delete(
    '/sessions',
    {
      schema: {
        summary: 'End all my sessions except this one',
        tags,
        response: { 204: Type.Null(), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const actor = request.requireActor();
      if (actor.sessionId) await invalidateOtherSessions(db, actor.userId, actor.sessionId);
      return reply.code(204).send(null);
    },
  );

  fastify.get(
    '/export',
    {
      schema: {
        summary: 'Everything held about me, as one JSON document (GDPR access and portability)',
        tags,
        response: { 200: Type.Object({ exportedAt: Type.String() }, { additionalProperties: true }), ...problems(401) },
      },
    },
    async (request, reply) => {
      reply.header('content-disposition', 'attachment; filename="bourse-projets-mes-donnees.json"');
      return exportMyData(db, request.requireActor());
    },
  );

  fastify.delete(
    '/',
    {
      schema: {
        summary: "Delete my account (the authority's listings stay published)",
        tags,
        body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 1024 }) }, strict),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      await deleteMyAccount(db, request.requireActor(), request.body.password);
      endSession(reply);
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/invitations',
    {
      schema: {
        summary: 'Invite a colleague to my authority',
        tags,
        body: Type.Object({ email: Email, locale: Type.Optional(Locale) }, strict),
        response: {
          201: Type.Object({
            email: Type.String(),
            role: Type.String(),
            expiresAt: Type.String({ format: 'date-time' }),
            mailSent: Type.Boolean(),
          }),
          ...problems(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const sent = await inviteColleague(fastify.services, request.requireActor(), request.body);
      return reply
        .code(201)
        .send({ email: sent.email, role: sent.role, expiresAt: sent.expiresAt.toISOString(), mailSent: sent.mailSent });
    },
  );
};

export default accountRoutes;
