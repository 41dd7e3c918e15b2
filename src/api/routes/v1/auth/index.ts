import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { verifyEmail, sendEmailVerification } from '../../../../lib/server/auth/email-verification.js';
import { searchFrenchAuthorities } from '../../../../lib/server/auth/french-authorities.js';
import { acceptInvitation, describeInvitation } from '../../../../lib/server/auth/invitations.js';
import { DEVICE_COOKIE } from '../../../../lib/server/auth/device-cookie.js';
import { loginWithPassword, openSession } from '../../../../lib/server/auth/login.js';
import { requestPasswordReset, resetPassword } from '../../../../lib/server/auth/password-reset.js';
import { register } from '../../../../lib/server/auth/registration.js';
import { similarAuthorities } from '../../../../lib/server/trust/similar.js';
import { invalidateAllSessions, invalidateSession } from '../../../../lib/server/auth/session.js';
import { findUserById } from '../../../../lib/server/auth/users.js';
import { Conflict } from '../../../../lib/server/errors.js';
import { problems } from '../../../schemas/problem.js';
import { Email, Locale, Password, SessionStarted, Token } from '../../../schemas/session.js';
import { endSession, startSession } from '../../../session-cookie.js';

const strict = { additionalProperties: false } as const;
const Person = {
  email: Email,
  password: Password,
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  jobTitle: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
  locale: Type.Optional(Locale),
};
const RegisterBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('french'), Type.Literal('foreign')], {
      description: 'french: pick authorityId; foreign: describe the authority',
    }),
    ...Person,
    authorityId: Type.Optional(
      Type.String({ maxLength: 36, description: 'A French collectivité from GET /auth/french-authorities' }),
    ),
    authority: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 300 }),
          type: Type.String({ minLength: 1, maxLength: 40 }),
          country: Type.String({ minLength: 2, maxLength: 2 }),
          region: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
          website: Type.Optional(Type.Union([Type.String({ maxLength: 400 }), Type.Null()])),
          population: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 100_000_000 }), Type.Null()])),
        },
        strict,
      ),
    ),
    joinAuthorityId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'A foreign authority already registered (offered by GET /auth/similar-authorities): sends a join request',
      }),
    ),
    createAnyway: Type.Optional(
      Type.Boolean({
        description:
          'Create the described authority although similar names exist in its country (otherwise 409 with them)',
      }),
    ),
  },
  strict,
);

const authRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db, config } = fastify.services;

  fastify.post(
    '/login',
    {
      schema: {
        summary: 'Sign in with email and password; sets the session cookie and returns a bearer token',
        description:
          'Failed attempts slow down the client that failed (per address, per account and address; 429 with Retry-After), never the owner: the right password from a client with no failures, or with the device cookie of an earlier sign-in, succeeds at once.',
        tags: ['auth'],
        body: Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: 1024 }) }, strict),
        response: { 200: SessionStarted, ...problems(400, 401, 403, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const result = await loginWithPassword(db, {
        ...request.body,
        userAgent: request.headers['user-agent'],
        ip: request.ip,
        deviceCookie: request.cookies[DEVICE_COOKIE],
        onThrottled: (event) => request.log.warn(event, 'sign-in throttling started'),
      });
      return startSession(reply, config.origin, result);
    },
  );

  fastify.post(
    '/logout',
    {
      schema: {
        summary: 'End the current session',
        tags: ['auth'],
        response: { 204: Type.Null(), ...problems(401, 403, 429) },
      },
    },
    async (request, reply) => {
      const actor = request.requireActor();
      if (actor.sessionId) await invalidateSession(db, actor.sessionId, actor.userId);
      endSession(reply);
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/logout-all',
    {
      schema: {
        summary: 'End every session of the signed-in person, on every device',
        tags: ['auth'],
        response: { 204: Type.Null(), ...problems(401, 403, 429) },
      },
    },
    async (request, reply) => {
      const actor = request.requireActor();
      await invalidateAllSessions(db, actor.userId);
      endSession(reply);
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/register',
    {
      schema: {
        summary:
          'Create an account for a French authority (picked from the official list) or a foreign one (created, unverified)',
        description:
          'Sends an email-verification link and opens a session. 409 when the address already has an account.',
        tags: ['auth'],
        body: RegisterBody,
        response: {
          201: Type.Object({
            ...SessionStarted.properties,
            authorityId: Type.String({ format: 'uuid' }),
            mailSent: Type.Boolean(),
          }),
          ...problems(400, 403, 409, 413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const created = await register(fastify.services, request.body, { clientKey: request.ip });
      const session = await openSession(db, created.userId, request.headers['user-agent']);
      return reply.code(201).send({
        ...startSession(reply, config.origin, session),
        authorityId: created.authorityId,
        mailSent: created.mailSent,
      });
    },
  );

  fastify.get(
    '/similar-authorities',
    {
      schema: {
        summary:
          'Foreign authorities of a country already registered with a name like this one (before creating a new one)',
        tags: ['auth'],
        querystring: Type.Object(
          { country: Type.String({ pattern: '^[A-Za-z]{2}$' }), name: Type.String({ minLength: 2, maxLength: 300 }) },
          strict,
        ),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Type.String(),
                type: Type.String(),
                region: Type.Union([Type.String(), Type.Null()]),
                verified: Type.Boolean(),
                similarity: Type.Number(),
              }),
            ),
          }),
          ...problems(400, 429),
        },
      },
    },
    async (request) => ({
      results: await similarAuthorities(db, request.query.country.toUpperCase(), request.query.name),
    }),
  );

  fastify.post(
    '/verify-email',
    {
      schema: {
        summary: 'Confirm an email address with the token from the mailed link',
        tags: ['auth'],
        body: Type.Object({ token: Token }, strict),
        response: { 200: Type.Object({ approved: Type.Boolean() }), ...problems(400, 403, 429) },
      },
    },
    async (request) => ({ approved: (await verifyEmail(fastify.services, request.body.token)).approved }),
  );

  fastify.post(
    '/verify-email/resend',
    {
      schema: {
        summary: 'Send a new verification link to the signed-in person',
        tags: ['auth'],
        response: { 202: Type.Null(), ...problems(401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const user = await findUserById(db, request.requireActor().userId);
      if (!user || user.emailVerifiedAt) throw new Conflict('This address is already verified.');
      await sendEmailVerification(fastify.services, user);
      return reply.code(202).send(null);
    },
  );

  fastify.post(
    '/password-reset',
    {
      schema: {
        summary: 'Mail a password-reset link (same answer whether or not the address has an account)',
        tags: ['auth'],
        body: Type.Object({ email: Email }, strict),
        response: { 202: Type.Null(), ...problems(400, 403, 429) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(fastify.services, request.body.email);
      return reply.code(202).send(null);
    },
  );

  fastify.post(
    '/password-reset/confirm',
    {
      schema: {
        summary: 'Set a new password with the mailed token; every session of the account ends',
        tags: ['auth'],
        body: Type.Object({ token: Token, password: Password }, strict),
        response: { 204: Type.Null(), ...problems(400, 403, 429) },
      },
    },
    async (request, reply) => {
      await resetPassword(fastify.services, request.body.token, request.body.password);
      return reply.code(204).send(null);
    },
  );

  fastify.get(
    '/invitations/:token',
    {
      schema: {
        summary: 'What an invitation grants (without using it)',
        tags: ['auth'],
        params: Type.Object({ token: Token }),
        response: {
          200: Type.Object({
            email: Type.String(),
            role: Type.String(),
            countries: Type.Array(Type.String()),
            authorityName: Type.Union([Type.String(), Type.Null()]),
            expiresAt: Type.String({ format: 'date-time' }),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      const invitation = await describeInvitation(fastify.services, request.params.token);
      return { ...invitation, expiresAt: invitation.expiresAt.toISOString() };
    },
  );

  fastify.post(
    '/invitations/accept',
    {
      schema: {
        summary: 'Create the invited account (role, authority and countries come from the invitation) and sign in',
        tags: ['auth'],
        body: Type.Object(
          {
            token: Token,
            displayName: Person.displayName,
            password: Password,
            jobTitle: Person.jobTitle,
            locale: Person.locale,
          },
          strict,
        ),
        response: { 201: SessionStarted, ...problems(400, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const { userId } = await acceptInvitation(fastify.services, request.body);
      const session = await openSession(db, userId, request.headers['user-agent']);
      return reply.code(201).send(startSession(reply, config.origin, session));
    },
  );

  fastify.get(
    '/french-authorities',
    {
      schema: {
        summary: 'Find a French collectivité to register with, by name or official code (INSEE / SIREN)',
        tags: ['auth'],
        querystring: Type.Object({ q: Type.String({ minLength: 2, maxLength: 100 }) }, strict),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                id: Type.String({ format: 'uuid' }),
                name: Type.String(),
                type: Type.String(),
                officialCode: Type.Union([Type.String(), Type.Null()]),
                region: Type.Union([Type.String(), Type.Null()]),
                departement: Type.Union([Type.String(), Type.Null()]),
                population: Type.Union([Type.Integer(), Type.Null()]),
              }),
            ),
          }),
          ...problems(400, 429),
        },
      },
    },
    async (request) => ({ results: await searchFrenchAuthorities(db, request.query.q) }),
  );
};

export default authRoutes;
