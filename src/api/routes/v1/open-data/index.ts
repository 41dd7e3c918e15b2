import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { toCsv } from '../../../../lib/server/opendata/csv.js';
import {
  exportOpenListings,
  OPEN_DATA_LICENCE,
  OPEN_LISTING_COLUMNS,
} from '../../../../lib/server/opendata/listings-export.js';
import { problems } from '../../../schemas/problem.js';
import { openListingTableSchema } from '../../../../lib/opendata/listings-schema.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);
const OpenListingSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  status: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  originalLanguage: Type.String(),
  countryCode: Type.String(),
  countryName: Type.String(),
  continent: Type.String(),
  authorityName: Type.String(),
  authorityType: Type.String(),
  region: NullableString,
  population: NullableInt,
  themes: Type.Array(Type.String()),
  dacCodes: Type.Array(Type.String()),
  forms: Type.Array(Type.String()),
  contributionTypes: Type.Array(Type.String()),
  exchangeLanguages: Type.Array(Type.String()),
  durationMonths: NullableInt,
  budgetEur: NullableInt,
  localContributionEur: NullableInt,
  publishedAt: NullableString,
  lastConfirmedAt: NullableString,
  expiresAt: NullableString,
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
      return {
        licence: { ...OPEN_DATA_LICENCE },
        generatedAt: new Date().toISOString(),
        count: listings.length,
        listings,
      };
    },
  );

  const csvRoute = (path: string, separator: ',' | ';', summary: string, fileName: string) =>
    fastify.get(
      path,
      {
        schema: {
          summary,
          tags: ['open data'],
          response: { 200: Type.String({ description: 'text/csv' }), ...problems(503) },
        },
      },
      async (_request, reply) => {
        const listings = await exportOpenListings(fastify.services.db, fastify.services.config.origin);
        reply.headers({
          ...cacheHeaders,
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${fileName}"`,
          link: `<${OPEN_DATA_LICENCE.url}>; rel="license", </api/v1/open-data/listings.schema.json>; rel="describedby"`,
        });
        // The byte order mark makes spreadsheets read UTF-8 (accents) instead of guessing a legacy encoding.
        return `\uFEFF${toCsv(listings, OPEN_LISTING_COLUMNS, separator)}`;
      },
    );
  csvRoute(
    '/listings.csv',
    ',',
    'Published cooperation requests as open data (CSV, commas, UTF-8 with BOM, lists separated by "|")',
    'bourse-projets-demandes.csv',
  );
  csvRoute(
    '/listings.semicolon.csv',
    ';',
    'The same CSV separated by semicolons, as French and Spanish spreadsheet settings expect (UTF-8 with BOM)',
    'bourse-projets-demandes-points-virgules.csv',
  );

  fastify.get(
    '/listings.schema.json',
    {
      schema: {
        summary: 'The columns of the open data as a Table Schema (frictionlessdata.io)',
        tags: ['open data'],
        response: {
          200: Type.Object({
            fields: Type.Array(
              Type.Object({
                name: Type.String(),
                type: Type.String(),
                format: Type.Optional(Type.String()),
                description: Type.String(),
                constraints: Type.Optional(Type.Object({ required: Type.Boolean() })),
              }),
            ),
            primaryKey: Type.String(),
            missingValues: Type.Array(Type.String()),
          }),
        },
      },
    },
    async (_request, reply) => {
      reply.headers(cacheHeaders);
      return openListingTableSchema();
    },
  );
};

export default openDataRoutes;
