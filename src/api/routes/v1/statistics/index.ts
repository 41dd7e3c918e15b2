import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LISTING_STATUSES } from '../../../../lib/server/db/schema/index.js';
import { toCsv } from '../../../../lib/server/opendata/csv.js';
import { readStatistics } from '../../../../lib/server/statistics/statistics.js';
import { problems } from '../../../schemas/problem.js';

const Row = Type.Object({
  key: Type.String(),
  byStatus: Type.Record(Type.String(), Type.Integer()),
  total: Type.Integer(),
  medianModerationHours: Type.Union([Type.Number(), Type.Null()]),
  matchRate: Type.Union([Type.Number(), Type.Null()]),
});

const StatisticsSchema = Type.Object({
  scope: Type.Union([Type.Array(Type.String()), Type.Literal('all')]),
  generatedAt: Type.String(),
  byCountry: Type.Array(Row),
  byTheme: Type.Array(Row),
  monthly: Type.Array(
    Type.Object({
      month: Type.String(),
      submitted: Type.Integer(),
      published: Type.Integer(),
      matched: Type.Integer(),
    }),
  ),
  medianModerationHours: Type.Union([Type.Number(), Type.Null()]),
});

const statisticsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/',
    {
      schema: {
        summary:
          'Requests by state per country and theme, median moderation time, match rate, monthly series (correspondents: their countries)',
        tags: ['statistics'],
        response: { 200: StatisticsSchema, ...problems(401, 403) },
      },
    },
    async (request) => readStatistics(fastify.services.sql, request.requireActor()),
  );

  fastify.get(
    '/countries.csv',
    {
      schema: {
        summary: 'The per-country statistics as CSV',
        tags: ['statistics'],
        response: { 200: Type.String(), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const stats = await readStatistics(fastify.services.sql, request.requireActor());
      const flat = stats.byCountry.map((r) => ({
        country: r.key,
        total: r.total,
        ...Object.fromEntries(LISTING_STATUSES.map((s) => [s, r.byStatus[s] ?? 0])),
        medianModerationHours: r.medianModerationHours,
        matchRate: r.matchRate,
      }));
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="statistiques-pays.csv"');
      return toCsv(flat, ['country', 'total', ...LISTING_STATUSES, 'medianModerationHours', 'matchRate'] as never);
    },
  );
};

export default statisticsRoutes;
