import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { declarePartnership } from '../../../../lib/server/partnerships/declare.js';
import { markMatched } from '../../../../lib/server/partnerships/match.js';
import { frenchPresenceIn } from '../../../../lib/server/partnerships/presence.js';
import { isCountryCode } from '../../../../lib/reference/index.js';
import { InvalidInput } from '../../../../lib/server/errors.js';
import { problems } from '../../../schemas/problem.js';

const partnershipRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db } = fastify.services;

  fastify.post(
    '/',
    {
      schema: {
        summary: 'Declare an existing partnership between a foreign and a French authority',
        tags: ['partnerships'],
        body: Type.Object(
          {
            foreignAuthorityId: Type.String({ format: 'uuid' }),
            frenchAuthorityId: Type.String({ format: 'uuid' }),
            startedOn: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String(), created: Type.Boolean() }), ...problems(400, 401, 403, 404, 415) },
      },
    },
    async (request, reply) => reply.code(201).send(await declarePartnership(db, request.actor, request.body)),
  );

  fastify.post(
    '/matches',
    {
      schema: {
        summary: 'Mark a request matched with its French partner(s): the request becomes "matched" and the partnerships are recorded',
        tags: ['partnerships'],
        body: Type.Object(
          {
            listingId: Type.String({ format: 'uuid' }),
            frenchAuthorityIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 20 }),
            comment: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
            startedOn: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
            version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version you saw; a stale one gets 412' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ listingId: Type.String(), status: Type.String(), version: Type.Integer() }), ...problems(400, 401, 403, 404, 409, 412, 415) },
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
                authorityId: Type.String(), name: Type.String(), type: Type.String(), region: Type.Union([Type.String(), Type.Null()]),
                partners: Type.Array(Type.String()), partnerships: Type.Integer(),
              }),
            ),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      if (!isCountryCode(request.params.country)) throw new InvalidInput('country', 'country must be an ISO 3166-1 alpha-2 code such as SN');
      return { country: request.params.country, authorities: await frenchPresenceIn(db, request.params.country) };
    },
  );
};

export default partnershipRoutes;
