import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema, type Static } from 'typebox';
import {
  CONTINENTS,
  COUNTRIES,
  FOREIGN_TYPE_CODES,
  FORM_CODES,
  LANGUAGE_CODES,
  POPULATION_BRACKET_CODES,
  THEME_CODES,
} from '../../../../lib/reference/index.js';
import { searchListings } from '../../../../lib/server/search/search-listings.js';
import {
  MAX_COFINANCING_VALUES,
  MAX_HITS_PER_PAGE,
  MAX_QUERY_LENGTH,
  SORTS,
} from '../../../../lib/server/search/search-query.js';
import { MAX_PROGRAMME_SLUG_LENGTH, PROGRAMME_SLUG } from '../../../../lib/server/cofinancing/search-facet.js';
import { FACETS, MAX_TOTAL_HITS } from '../../../../lib/server/search/settings.js';
import { problems } from '../../../schemas/problem.js';

const codes = (values: readonly string[], description: string) => Type.Enum([...values], { description });

const SearchQuerystring = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: MAX_QUERY_LENGTH, description: 'Words to find, in French, English or Spanish' }),
    ),
    country: Type.Optional(
      Type.Array(
        codes(
          COUNTRIES.map((c) => c.code),
          'ISO 3166-1 alpha-2',
        ),
        { maxItems: 50, description: 'Repeatable: any of these countries' },
      ),
    ),
    continent: Type.Optional(
      codes(
        CONTINENTS.map((c) => c.code),
        'Continent code',
      ),
    ),
    theme: Type.Optional(
      Type.Array(codes(THEME_CODES, 'Theme code'), { maxItems: 18, description: 'Repeatable: any of these themes' }),
    ),
    form: Type.Optional(codes(FORM_CODES, 'Form of cooperation')),
    authorityType: Type.Optional(codes(FOREIGN_TYPE_CODES, 'Type of foreign authority')),
    population: Type.Optional(codes(POPULATION_BRACKET_CODES, 'Population bracket')),
    language: Type.Optional(codes(LANGUAGE_CODES, 'Original or exchange language (ISO 639-1)')),
    cofinancing: Type.Optional(
      Type.Array(
        Type.String({
          pattern: PROGRAMME_SLUG.source,
          maxLength: MAX_PROGRAMME_SLUG_LENGTH,
          description: 'Co-financing programme slug (GET /api/v1/cofinancing/programmes)',
        }),
        {
          maxItems: MAX_COFINANCING_VALUES,
          description:
            'Repeatable: requests any of these programmes may co-finance, judged on the request alone (indicative)',
        },
      ),
    ),
    sort: Type.Optional(codes(SORTS, 'Order of the hits')),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_TOTAL_HITS, default: 1 })),
    hitsPerPage: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_HITS_PER_PAGE, default: 20 })),
  },
  { additionalProperties: false },
);

const Counts = Type.Record(Type.String(), Type.Integer());

/**
 * `T or null` as a type list (`["string", "null"]`), not `anyOf`: the response serializer (fast-json-stringify)
 * runs a schema validator on every value of an `anyOf` to pick its branch — five per hit — while a type list is a
 * `typeof` test. Same JSON Schema meaning, same OpenAPI 3.1 document.
 */
const nullable = <T extends TSchema & { type: string }>(schema: T) =>
  Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] });

const SearchResultSchema = Type.Object({
  hits: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      title: Type.String(),
      summary: Type.String(),
      highlight: Type.Object(
        { title: Type.String(), summary: Type.String() },
        { description: 'HTML-escaped text; matches wrapped in <mark>. Summary cropped around the match.' },
      ),
      country: Type.String(),
      continent: nullable(Type.String()),
      themes: Type.Array(Type.String()),
      forms: Type.Array(Type.String()),
      authority: Type.Object({
        name: Type.String(),
        type: Type.String(),
        region: nullable(Type.String()),
        population: nullable(Type.Integer()),
      }),
      populationBracket: nullable(Type.String()),
      originalLanguage: Type.String(),
      translations: Type.Record(Type.String(), Type.Object({ title: Type.String(), summary: Type.String() }), {
        description: 'Title and summary as translated by the authority, by language (ISO 639-1); plain text',
      }),
      languages: Type.Array(Type.String()),
      publishedAt: nullable(Type.String({ format: 'date-time' })),
    }),
  ),
  facets: Type.Object(
    Object.fromEntries(FACETS.map((f) => [f, Counts])) as Record<(typeof FACETS)[number], typeof Counts>,
    {
      description:
        'Facet → value → number of requests. Values within a facet are alternatives (OR), facets combine (AND); a facet the search filters by is counted with every other filter but its own',
    },
  ),
  total: Type.Integer(),
  totalWithout: Type.Record(Type.String(), Type.Integer(), {
    description:
      'For each facet the search filters by: how many results there would be without that filter (facets are counted the same way: every filter but their own)',
  }),
  page: Type.Integer(),
  hitsPerPage: Type.Integer(),
  totalPages: Type.Integer(),
  degraded: Type.Boolean({
    description: 'Meilisearch was unavailable: Postgres full-text search answered (no typo tolerance nor synonyms)',
  }),
});

const searchRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/',
    {
      schema: {
        summary: 'Search published cooperation requests by words, country, theme and more, with facet counts',
        tags: ['search'],
        querystring: SearchQuerystring,
        response: { 200: SearchResultSchema, ...problems(400, 503) },
      },
    },
    async (request) => searchListings(fastify.services, request.query),
  );
};

export default searchRoutes;
