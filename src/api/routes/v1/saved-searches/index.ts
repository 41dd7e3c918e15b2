import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  createSavedSearch,
  deleteSavedSearch,
  FREQUENCIES,
  listSavedSearches,
  unsubscribeByToken,
  updateSavedSearch,
} from '../../../../lib/server/alerts/saved-searches.js';
import { DomainError } from '../../../../lib/server/errors.js';
import { problems } from '../../../schemas/problem.js';

const Frequency = Type.Union([Type.Literal(FREQUENCIES[0]), Type.Literal(FREQUENCIES[1])]);
const SavedSearch = Type.Object({
  id: Type.String(),
  name: Type.String(),
  query: Type.String({ description: 'The search page parameters, e.g. country=SN&theme=health' }),
  frequency: Frequency,
  active: Type.Boolean(),
  createdAt: Type.String(),
  lastNotifiedAt: Type.String(),
});
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const Query = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]), {
  description:
    'The search parameters (q, country[], theme[], continent, form, authorityType, population, language), checked like GET /search',
});

/** Saved searches with daily or weekly digests of new matching requests. */
const savedSearchRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db } = fastify.services;
  const unsubscribe = async (token: string) => {
    const result = await unsubscribeByToken(db, token);
    if (!result) throw new DomainError(404, 'not_found', 'This unsubscribe link is not valid.', { field: 'token' });
    return { unsubscribed: true as const, name: result.name };
  };

  fastify.get(
    '/',
    {
      schema: {
        summary: 'My saved searches',
        tags: ['alerts'],
        response: { 200: Type.Object({ savedSearches: Type.Array(SavedSearch) }), ...problems(401) },
      },
    },
    async (request) => ({ savedSearches: await listSavedSearches(db, request.actor) }),
  );

  fastify.post(
    '/',
    {
      schema: {
        summary: 'Save a search and receive its new matches by email',
        tags: ['alerts'],
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 120 }), query: Query, frequency: Frequency },
          { additionalProperties: false },
        ),
        response: { 201: SavedSearch, ...problems(400, 401, 413, 415) },
      },
    },
    async (request, reply) => reply.code(201).send(await createSavedSearch(db, request.actor, request.body)),
  );

  fastify.patch(
    '/:id',
    {
      schema: {
        summary: 'Rename, change the frequency of, pause or resume a saved search',
        tags: ['alerts'],
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            frequency: Type.Optional(Frequency),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: SavedSearch, ...problems(400, 401, 404, 415) },
      },
    },
    async (request) => updateSavedSearch(db, request.actor, request.params.id, request.body),
  );

  fastify.delete(
    '/:id',
    {
      schema: {
        summary: 'Delete a saved search',
        tags: ['alerts'],
        params: IdParams,
        response: { 204: Type.Null(), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await deleteSavedSearch(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" as a form to the List-Unsubscribe URL.
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  fastify.post(
    '/unsubscribe/:token',
    {
      schema: {
        summary: 'RFC 8058 one-click unsubscribe (the List-Unsubscribe URL of digest mails)',
        tags: ['alerts'],
        params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ unsubscribed: Type.Literal(true), name: Type.String() }),
          ...problems(400, 404, 415),
        },
      },
    },
    async (request) => unsubscribe(request.params.token),
  );

  fastify.post(
    '/unsubscribe',
    {
      schema: {
        summary: 'One-click unsubscribe from a digest with the token of its link (no sign-in)',
        tags: ['alerts'],
        body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ unsubscribed: Type.Literal(true), name: Type.String() }),
          ...problems(400, 404, 415),
        },
      },
    },
    async (request) => unsubscribe(request.body.token),
  );
};

export default savedSearchRoutes;
