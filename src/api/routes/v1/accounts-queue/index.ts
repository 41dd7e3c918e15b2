import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { recordAuthorityDomain, removeAuthorityDomain } from '../../../../lib/server/trust/domains.js';
import { mergeAuthorities } from '../../../../lib/server/trust/merge.js';
import {
  departementOf,
  foreignAccountsQueue,
  frenchAccountsQueue,
  QUEUE_AGES,
} from '../../../../lib/server/trust/queues.js';
import { deleteSpamRegistrations } from '../../../../lib/server/trust/spam.js';
import { problems } from '../../../schemas/problem.js';

const strict = { additionalProperties: false } as const;
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const QueueQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    state: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('rejected')])),
    country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    verifiedOnly: Type.Optional(Type.Boolean()),
    age: Type.Optional(Type.Union(QUEUE_AGES.map((a) => Type.Literal(a)))),
  },
  strict,
);

const QueueItem = Type.Object({
  user: Type.Object({
    id: Type.String(),
    displayName: Type.String(),
    email: Type.String(),
    jobTitle: Nullable(Type.String()),
    membership: Type.String(),
    membershipReason: Nullable(Type.String()),
    emailVerified: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
  }),
  emailDomain: Type.String(),
  authority: Type.Object({
    id: Type.String(),
    name: Type.String(),
    type: Type.String(),
    country: Type.String(),
    region: Nullable(Type.String()),
    officialCode: Nullable(Type.String()),
    departement: Nullable(Type.String()),
    website: Nullable(Type.String()),
    emailDomains: Type.Array(Type.String()),
    verified: Type.Boolean(),
    members: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
  }),
});

const Queue = Type.Object({
  items: Type.Array(QueueItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  pages: Type.Integer(),
  anomalies: Type.Array(Type.Object({ country: Type.String(), lastHour: Type.Integer(), threshold: Type.Integer() })),
});

type QueueResult = Awaited<ReturnType<typeof foreignAccountsQueue>>;
const serialise = (queue: QueueResult) => ({
  ...queue,
  items: queue.items.map((i) => ({
    ...i,
    user: { ...i.user, createdAt: i.user.createdAt.toISOString() },
    authority: {
      ...i.authority,
      departement: departementOf(i.authority),
      createdAt: i.authority.createdAt.toISOString(),
    },
  })),
});

/**
 * The accounts queues: correspondents (their countries) and admins work foreign registrations, admins the French
 * ones; spam is deleted in bulk, duplicates merged, collectivités' mail domains recorded. Decisions on one person
 * are under /users/:id (approve, reject, remove).
 */
const accountsQueueRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db, config } = fastify.services;
  const tags = ['moderation'];

  fastify.get(
    '/foreign',
    {
      schema: {
        summary:
          'People waiting to act for a foreign authority of my countries, oldest first, paginated and complete, with flood alerts',
        tags,
        querystring: QueueQuery,
        response: { 200: Queue, ...problems(400, 401, 403) },
      },
    },
    async (request) => serialise(await foreignAccountsQueue(db, config, request.requireActor(), request.query)),
  );

  fastify.get(
    '/french',
    {
      schema: {
        summary:
          'People waiting to act for a French collectivité (admins), oldest first, with the collectivité’s code, département and known domains',
        tags,
        querystring: QueueQuery,
        response: { 200: Queue, ...problems(400, 401, 403) },
      },
    },
    async (request) => serialise(await frenchAccountsQueue(db, config, request.requireActor(), request.query)),
  );

  fastify.post(
    '/delete-spam',
    {
      schema: {
        summary: 'Delete pending registrations judged to be spam, with the unverified authorities they created',
        tags,
        body: Type.Object(
          { userIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 500 }) },
          strict,
        ),
        response: {
          200: Type.Object({ accounts: Type.Integer(), authorities: Type.Integer() }),
          ...problems(400, 401, 403, 409, 415),
        },
      },
    },
    async (request) => deleteSpamRegistrations(db, request.requireActor(), request.body.userIds),
  );

  fastify.post(
    '/merge',
    {
      schema: {
        summary:
          'Merge a duplicate foreign authority into the one kept: requests, members, conversations and partnerships move, in one audited transaction',
        tags,
        body: Type.Object(
          {
            keepId: Type.String({ format: 'uuid' }),
            duplicateId: Type.String({ format: 'uuid' }),
            reason: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          strict,
        ),
        response: {
          200: Type.Object({
            keptId: Type.String(),
            removedId: Type.String(),
            moved: Type.Object({
              listings: Type.Integer(),
              members: Type.Integer(),
              partnerships: Type.Integer(),
              partnershipsEnded: Type.Integer(),
            }),
          }),
          ...problems(400, 401, 403, 404, 409, 415),
        },
      },
    },
    async (request) =>
      mergeAuthorities(db, request.requireActor(), request.body.keepId, request.body.duplicateId, request.body.reason),
  );

  fastify.post(
    '/authorities/:id/domains',
    {
      schema: {
        summary:
          'Record a mail domain as a French collectivité’s own (admins): its members on that domain are approved at once',
        tags,
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ domain: Type.String({ minLength: 4, maxLength: 253 }) }, strict),
        response: {
          200: Type.Object({ domains: Type.Array(Type.String()), approved: Type.Integer() }),
          ...problems(400, 401, 403, 404, 415),
        },
      },
    },
    async (request) =>
      recordAuthorityDomain(fastify.services, request.requireActor(), request.params.id, request.body.domain),
  );

  fastify.delete(
    '/authorities/:id/domains/:domain',
    {
      schema: {
        summary: 'Stop approving a French collectivité’s members automatically on this domain (admins)',
        tags,
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          domain: Type.String({ minLength: 1, maxLength: 253 }),
        }),
        response: { 200: Type.Object({ domains: Type.Array(Type.String()) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => ({
      domains: await removeAuthorityDomain(db, request.requireActor(), request.params.id, request.params.domain),
    }),
  );
};

export default accountsQueueRoutes;
