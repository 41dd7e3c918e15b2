import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { toCsv } from '../../../../lib/server/opendata/csv.js';
import {
  exportOpenListings,
  OPEN_DATA_LICENCE,
  OPEN_LISTING_COLUMNS,
} from '../../../../lib/server/opendata/listings-export.js';
import { problems } from '../../../schemas/problem.js';
import { openListingTableSchema, tableSchemaOf } from '../../../../lib/opendata/listings-schema.js';
import { OPEN_PARTNERSHIP_SCHEMA } from '../../../../lib/opendata/partnerships-schema.js';
import {
  exportOpenPartnerships,
  OPEN_PARTNERSHIP_COLUMNS,
} from '../../../../lib/server/opendata/partnerships-export.js';

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

const OpenPartnershipSchema = Type.Object({
  id: Type.String(),
  frenchAuthorityName: Type.String(),
  frenchAuthorityCode: NullableString,
  frenchAuthorityType: Type.String(),
  frenchAuthorityRegion: NullableString,
  frenchAuthorityUrl: Type.String(),
  foreignAuthorityName: Type.String(),
  foreignAuthorityType: Type.String(),
  countryCode: Type.String(),
  countryName: Type.String(),
  themes: Type.Array(Type.String()),
  dacCodes: Type.Array(Type.String()),
  startedOn: NullableString,
  endedOn: NullableString,
  link: NullableString,
  confirmedAt: NullableString,
});

const TableSchema = Type.Object({
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

  const listingsCsv = (separator: ',' | ';') => async () =>
    toCsv(
      await exportOpenListings(fastify.services.db, fastify.services.config.origin),
      OPEN_LISTING_COLUMNS,
      separator,
    );
  const partnershipsCsv = (separator: ',' | ';') => async () =>
    toCsv(
      await exportOpenPartnerships(fastify.services.db, fastify.services.config.origin),
      OPEN_PARTNERSHIP_COLUMNS,
      separator,
    );

  const csvRoute = (
    path: string,
    separator: ',' | ';',
    summary: string,
    fileName: string,
    rows: () => Promise<string>,
    schemaPath = '/api/v1/open-data/listings.schema.json',
  ) =>
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
        const csv = await rows();
        reply.headers({
          ...cacheHeaders,
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${fileName}"`,
          link: `<${OPEN_DATA_LICENCE.url}>; rel="license", <${schemaPath}>; rel="describedby"`,
        });
        // The byte order mark makes spreadsheets read UTF-8 (accents) instead of guessing a legacy encoding.
        return `\uFEFF${csv}`;
      },
    );
  csvRoute(
    '/listings.csv',
    ',',
    'Published cooperation requests as open data (CSV, commas, UTF-8 with BOM, lists separated by "|")',
    'bourse-projets-demandes.csv',
    listingsCsv(','),
  );
  csvRoute(
    '/listings.semicolon.csv',
    ';',
    'The same CSV separated by semicolons, as French and Spanish spreadsheet settings expect (UTF-8 with BOM)',
    'bourse-projets-demandes-points-virgules.csv',
    listingsCsv(';'),
  );

  fastify.get(
    '/listings.schema.json',
    {
      schema: {
        summary: 'The columns of the open data as a Table Schema (frictionlessdata.io)',
        tags: ['open data'],
        response: { 200: TableSchema },
      },
    },
    async (_request, reply) => {
      reply.headers(cacheHeaders);
      return openListingTableSchema();
    },
  );

  fastify.get(
    '/partnerships.json',
    {
      schema: {
        summary: 'Confirmed partnerships between French and foreign local authorities as open data (JSON)',
        tags: ['open data'],
        response: {
          200: Type.Object({
            licence: Type.Object({ name: Type.String(), url: Type.String(), spdx: Type.String() }),
            generatedAt: Type.String(),
            count: Type.Integer(),
            partnerships: Type.Array(OpenPartnershipSchema),
          }),
          ...problems(503),
        },
      },
    },
    async (_request, reply) => {
      const partnerships = await exportOpenPartnerships(fastify.services.db, fastify.services.config.origin);
      reply.headers(cacheHeaders);
      return {
        licence: { ...OPEN_DATA_LICENCE },
        generatedAt: new Date().toISOString(),
        count: partnerships.length,
        partnerships,
      };
    },
  );
  csvRoute(
    '/partnerships.csv',
    ',',
    'Confirmed partnerships as open data (CSV, commas, UTF-8 with BOM, lists separated by "|")',
    'bourse-projets-partenariats.csv',
    partnershipsCsv(','),
    '/api/v1/open-data/partnerships.schema.json',
  );
  csvRoute(
    '/partnerships.semicolon.csv',
    ';',
    'The same CSV of partnerships separated by semicolons (UTF-8 with BOM)',
    'bourse-projets-partenariats-points-virgules.csv',
    partnershipsCsv(';'),
    '/api/v1/open-data/partnerships.schema.json',
  );
  fastify.get(
    '/partnerships.schema.json',
    {
      schema: {
        summary: 'The columns of the partnerships open data as a Table Schema (frictionlessdata.io)',
        tags: ['open data'],
        response: { 200: TableSchema },
      },
    },
    async (_request, reply) => {
      reply.headers(cacheHeaders);
      return tableSchemaOf(OPEN_PARTNERSHIP_SCHEMA);
    },
  );
};

export default openDataRoutes;
