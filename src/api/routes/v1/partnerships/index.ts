import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  confirmPartnership,
  declarePartnership,
  endPartnership,
  partnershipsOfMyAuthority,
} from '../../../../lib/server/partnerships/declare.js';
import { markMatched } from '../../../../lib/server/partnerships/match.js';
import { frenchPresenceIn } from '../../../../lib/server/partnerships/presence.js';
import { isCountryCode } from '../../../../lib/reference/index.js';
import { InvalidInput } from '../../../../lib/server/errors.js';
import { problems } from '../../../schemas/problem.js';

const PartnershipStatus = Type.Union([Type.Literal('pending'), Type.Literal('confirmed'), Type.Literal('ended')]);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const PartnershipItem = Type.Object({
  id: Type.String(),
  status: PartnershipStatus,
  source: Type.String(),
  declaredBySide: Type.String(),
  startedOn: Type.Union([Type.String(), Type.Null()]),
  endedOn: Type.Union([Type.String(), Type.Null()]),
  themes: Type.Array(Type.String()),
  description: Type.Union([Type.String(), Type.Null()]),
  link: Type.Union([Type.String(), Type.Null()]),
  foreignAuthority: Type.Object({
    id: Type.String(),
    name: Type.String(),
    country: Type.String(),
    recordedFrom: Type.Union([Type.String(), Type.Null()]),
  }),
  frenchAuthority: Type.Object({ id: Type.String(), name: Type.String() }),
  createdAt: Type.String(),
  confirmedAt: Type.Union([Type.String(), Type.Null()]),
  endedAt: Type.Union([Type.String(), Type.Null()]),
  canConfirm: Type.Boolean(),
  canEnd: Type.Boolean(),
});

const partnershipRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db } = fastify.services;

  fastify.post(
    '/',
    {
      schema: {
        summary:
          'Declare an existing partnership: pending until the other side (or the country’s correspondent) confirms it; recorded by a moderator, confirmed at once',
        tags: ['partnerships'],
        body: Type.Object(
          {
            foreignAuthorityId: Type.Optional(Type.String({ format: 'uuid' })),
            newForeignAuthority: Type.Optional(
              Type.Object(
                {
                  name: Type.String({ minLength: 2, maxLength: 200 }),
                  country: Type.String({ pattern: '^[A-Z]{2}$' }),
                  type: Type.Optional(Type.String({ maxLength: 40 })),
                },
                {
                  additionalProperties: false,
                  description: 'A foreign authority with no account yet: recorded for the correspondent to tie later',
                },
              ),
            ),
            frenchAuthorityId: Type.String({ format: 'uuid' }),
            startedOn: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
            endedOn: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
            themes: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 })),
            description: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
            link: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.String(), created: Type.Boolean(), status: PartnershipStatus }),
          ...problems(400, 401, 403, 404, 409, 415),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await declarePartnership(fastify.services, request.actor, request.body)),
  );

  fastify.get(
    '/mine',
    {
      schema: {
        summary: 'The partnerships of my authority (pending claims to confirm first), with what I may do with each',
        tags: ['partnerships'],
        response: { 200: Type.Object({ items: Type.Array(PartnershipItem) }), ...problems(401) },
      },
    },
    async (request) => ({ items: await partnershipsOfMyAuthority(db, request.requireActor()) }),
  );

  fastify.post(
    '/:id/confirm',
    {
      schema: {
        summary:
          'Confirm a partnership the other side declared (approved member with a verified address, or the country’s correspondent)',
        tags: ['partnerships'],
        params: IdParams,
        response: {
          200: Type.Object({ id: Type.String(), status: PartnershipStatus }),
          ...problems(401, 403, 404, 409),
        },
      },
    },
    async (request) => confirmPartnership(fastify.services, request.requireActor(), request.params.id),
  );

  fastify.post(
    '/:id/end',
    {
      schema: {
        summary: 'Withdraw a claim or end a partnership (either side or a moderator); it stays in the audit trail',
        tags: ['partnerships'],
        params: IdParams,
        body: Type.Optional(
          Type.Object({ reason: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }),
        ),
        response: {
          200: Type.Object({ id: Type.String(), status: PartnershipStatus }),
          ...problems(400, 401, 403, 404, 409, 415),
        },
      },
    },
    async (request) =>
      endPartnership(fastify.services, request.requireActor(), request.params.id, request.body?.reason),
  );

  fastify.post(
    '/matches',
    {
      schema: {
        summary:
          'Mark a request matched with its French partner(s): the request becomes "matched" and the partnerships are recorded',
        tags: ['partnerships'],
        body: Type.Object(
          {
            listingId: Type.String({ format: 'uuid' }),
            frenchAuthorityIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 20 }),
            comment: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
            startedOn: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
            version: Type.Optional(
              Type.Integer({ minimum: 1, description: 'The version you saw; a stale one gets 412' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ listingId: Type.String(), status: Type.String(), version: Type.Integer() }),
          ...problems(400, 401, 403, 404, 409, 412, 415),
        },
      },
    },
    async (request) => {
      const { listingId, version, ...input } = request.body;
      const { listing } = await markMatched(db, request.actor, listingId, input, version);
      return { listingId: listing.id, status: listing.status, version: listing.version };
    },
  );

  fastify.get(
    '/countries/:country',
    {
      schema: {
        summary: 'French authorities already active in a country (matches and declared partnerships)',
        tags: ['partnerships'],
        params: Type.Object({ country: Type.String({ pattern: '^[A-Z]{2}$' }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            country: Type.String(),
            authorities: Type.Array(
              Type.Object({
                authorityId: Type.String(),
                name: Type.String(),
                type: Type.String(),
                region: Type.Union([Type.String(), Type.Null()]),
                partners: Type.Array(Type.String()),
                partnerships: Type.Integer(),
              }),
            ),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      if (!isCountryCode(request.params.country))
        throw new InvalidInput('country', 'country must be an ISO 3166-1 alpha-2 code such as SN');
      return { country: request.params.country, authorities: await frenchPresenceIn(db, request.params.country) };
    },
  );
};

export default partnershipRoutes;
