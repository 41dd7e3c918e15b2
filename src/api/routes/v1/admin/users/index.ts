import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { setAccountDisabled, setCorrespondentCountries } from '../../../../../lib/server/staff/staff.js';
import { problems } from '../../../../schemas/problem.js';

const Params = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The delegation manages people: a correspondent's countries, and disabling or enabling an account. */
const adminUserRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db } = fastify.services;

  fastify.put(
    '/:id/countries',
    {
      schema: {
        summary: 'Replace the countries a correspondent covers',
        tags: ['admin'],
        params: Params,
        body: Type.Object(
          { countries: Type.Array(Type.String({ minLength: 2, maxLength: 2 }), { minItems: 1, maxItems: 60 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ countries: Type.Array(Type.String()) }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      countries: await setCorrespondentCountries(db, request.requireActor(), request.params.id, request.body.countries),
    }),
  );

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    fastify.post(
      `/:id/${action}`,
      {
        schema: {
          summary: disabled ? 'Disable an account (signs it out everywhere)' : 'Enable a disabled account',
          tags: ['admin'],
          params: Params,
          response: { 204: Type.Null(), ...problems(401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        await setAccountDisabled(db, request.requireActor(), request.params.id, disabled);
        return reply.code(204).send(null);
      },
    );
  }
};

export default adminUserRoutes;
