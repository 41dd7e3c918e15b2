import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { signInThrottling } from '../../../../../lib/server/staff/staff.js';
import { problems } from '../../../../schemas/problem.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const ThrottleEvent = Type.Object({
  scope: Type.Union([Type.Literal('client'), Type.Literal('accountClient'), Type.Literal('account')], {
    description:
      'client: one address, every account; accountClient: one account from one address or device; account: one account, every client',
  }),
  account: Nullable(Type.String()),
  client: Nullable(Type.String({ description: '"ip:…" or "device:…"' })),
  failures: Type.Integer(),
  lastFailureAt: Type.String({ format: 'date-time' }),
  slowedUntil: Nullable(Type.String({ format: 'date-time' })),
});

/** The delegation sees sign-in throttling as it happens (failures of the last 24 hours). */
const adminThrottlingRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/',
    {
      schema: {
        summary: 'Failed sign-ins of the last 24 hours per counter, and who is being slowed down',
        tags: ['admin'],
        response: { 200: Type.Object({ events: Type.Array(ThrottleEvent) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const events = await signInThrottling(fastify.services.db, request.requireActor());
      return {
        events: events.map((e) => ({
          ...e,
          lastFailureAt: e.lastFailureAt.toISOString(),
          slowedUntil: e.slowedUntil?.toISOString() ?? null,
        })),
      };
    },
  );
};

export default adminThrottlingRoutes;
