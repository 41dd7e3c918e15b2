import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { searchFrenchAuthorities } from '../../../../lib/server/authorities/french-search.js';
import { problems } from '../../../schemas/problem.js';

const PAGE_SIZE = 25;
// One line of text: the service refuses control characters too, this says it in the schema for API clients.
const SearchText = (description: string) =>
  Type.String({ maxLength: 120, pattern: '^[^\\u0000-\\u001f\\u007f]*$', description });

const FrenchAuthorityHit = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  type: Type.String(),
  officialCode: Type.Union([Type.String(), Type.Null()]),
  departement: Type.Union([Type.String(), Type.Null()]),
  region: Type.Union([Type.String(), Type.Null()]),
  population: Type.Union([Type.Integer(), Type.Null()]),
  confirmedPartnerships: Type.Integer({ minimum: 0 }),
});

const frenchAuthoritiesRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/',
    {
      schema: {
        summary:
          'Search French authorities by name or INSEE/SIREN code, département (number or name) and région, with their confirmed partnerships (correspondents and admins)',
        tags: ['authorities'],
        querystring: Type.Object(
          {
            q: Type.Optional(SearchText('Part of the name (accents and case ignored) or the exact INSEE/SIREN code')),
            departement: Type.Optional(SearchText('Its number ("22", "2A") or the start of its name')),
            region: Type.Optional(SearchText('Its full name (accents and case ignored)')),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(FrenchAuthorityHit),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            pages: Type.Integer(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const result = await searchFrenchAuthorities(fastify.services.db, request.actor, request.query, PAGE_SIZE);
      return {
        items: result.hits,
        total: result.total,
        page: result.page,
        pageSize: result.pageSize,
        pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
      };
    },
  );
};

export default frenchAuthoritiesRoutes;
