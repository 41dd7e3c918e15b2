import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { toCsv } from '../../../../lib/server/opendata/csv.js';
import { exportOpenListings, OPEN_DATA_LICENCE, OPEN_LISTING_COLUMNS } from '../../../../lib/server/opendata/listings-export.js';
import { problems } from '../../../schemas/problem.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);
const OpenListingSchema = Type.Object({
  id: Type.String(), url: Type.String(), status: Type.String(), title: Type.String(), summary: Type.String(),
  originalLanguage: Type.String(), countryCode: Type.String(), countryName: Type.String(), continent: Type.String(),
  authorityName: Type.String(), authorityType: Type.String(), region: NullableString, population: NullableInt,
  themes: Type.Array(Type.String()), dacCodes: Type.Array(Type.String()), forms: Type.Array(Type.String()),
  contributionTypes: Type.Array(Type.String()), exchangeLanguages: Type.Array(Type.String()),
  durationMonths: NullableInt, budgetEur: NullableInt, localContributionEur: NullableInt,
  publishedAt: NullableString, lastConfirmedAt: NullableString, expiresAt: NullableString,
});

/** Published requests as open data (Licence Ouverte 2.0), at stable URLs, without any personal data. */
const openDataRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const cacheHeaders = { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' };

  fastify.get(
    '/listings.json',
    {
      schema: {
        summary: 'Published cooperation requests as open data (JSON, Licence Ouverte 2.0)',
        tags: ['open data'],
        response: {
          200: Type.Object({
            licence: Type.Object({ name: Type.String(), url: Type.String(), spdx: Type.String() }),
            generatedAt: Type.String(),
            count: Type.Integer(),
            listings: Type.Array(OpenListingSchema),
          }),
          ...problems(503),
        },
      },
    },
    async (_request, reply) => {
      const listings = await exportOpenListings(fastify.services.db, fastify.services.config.origin);
      reply.headers(cacheHeaders);
      return { licence: { ...OPEN_DATA_LICENCE }, generatedAt: new Date().toISOString(), count: listings.length, listings };
    },
  );

  fastify.get(
    '/listings.csv',
    {
      schema: {
        summary: 'Published cooperation requests as open data (CSV, UTF-8, lists separated by "|")',
        tags: ['open data'],
        response: { 200: Type.String({ description: 'text/csv' }), ...problems(503) },
      },
    },
    async (_request, reply) => {
      const listings = await exportOpenListings(fastify.services.db, fastify.services.config.origin);
      reply.headers({
        ...cacheHeaders,
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="bourse-projets-demandes.csv"',
        link: `<${OPEN_DATA_LICENCE.url}>; rel="license"`,
      });
      return `\uFEFF${toCsv(listings, OPEN_LISTING_COLUMNS)}`;
    },
  );
};

export default openDataRoutes;
