import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { setAuthorityThemes } from '../../../../lib/server/recommendations/interests.js';
import { suggestFrenchAuthorities, suggestListings } from '../../../../lib/server/recommendations/recommend.js';
import { THEME_CODES } from '../../../../lib/reference/index.js';
import { problems } from '../../../schemas/problem.js';

const Reason = Type.Object({
  code: Type.String(),
  points: Type.Integer(),
  detail: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Array(Type.String())])),
});
const Scored = { score: Type.Integer({ minimum: 0, maximum: 100 }), reasons: Type.Array(Reason) };

/** Scored matching both ways, with the reasons shown (see src/lib/server/recommendations/score.ts). */
const recommendationRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db } = fastify.services;

  fastify.get(
    '/',
    {
      schema: {
        summary: 'Open requests suggested to my French authority, best first, with the reasons of each score',
        tags: ['recommendations'],
        response: {
          200: Type.Object({
            suggestions: Type.Array(
              Type.Object({
                ...Scored,
                listing: Type.Object({
                  id: Type.String(),
                  title: Type.String(),
                  country: Type.String(),
                  themes: Type.Array(Type.String()),
                  authorityName: Type.String(),
                  population: Type.Union([Type.Integer(), Type.Null()]),
                }),
              }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => ({ suggestions: await suggestListings(db, request.actor) }),
  );

  fastify.get(
    '/listings/:id/partners',
    {
      schema: {
        summary:
          'French authorities suggested for a request (its moderators: the correspondent of the country, admins)',
        tags: ['recommendations'],
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            suggestions: Type.Array(
              Type.Object({
                ...Scored,
                authority: Type.Object({
                  id: Type.String(),
                  name: Type.String(),
                  type: Type.String(),
                  region: Type.Union([Type.String(), Type.Null()]),
                  population: Type.Union([Type.Integer(), Type.Null()]),
                }),
              }),
            ),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => ({ suggestions: await suggestFrenchAuthorities(db, request.actor, request.params.id) }),
  );

  fastify.put(
    '/interests',
    {
      schema: {
        summary: 'Declare the themes my authority works on (feeds the suggestions)',
        tags: ['recommendations'],
        body: Type.Object(
          { themes: Type.Array(Type.Union(THEME_CODES.map((c) => Type.Literal(c))), { maxItems: 18 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ themes: Type.Array(Type.String()) }), ...problems(400, 401, 403, 415) },
      },
    },
    async (request) => ({ themes: await setAuthorityThemes(db, request.actor, request.body.themes) }),
  );
};

export default recommendationRoutes;
