import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CONTINENTS,
  CONTRIBUTION_TYPES,
  COOPERATION_FORMS,
  COUNTRIES,
  FOREIGN_AUTHORITY_TYPES,
  FRENCH_AUTHORITY_TYPES,
  LANGUAGES,
  POPULATION_BRACKETS,
  THEMES,
} from '../../../../lib/reference/index.js';
import { listingStatus } from '../../../../lib/server/db/schema/index.js';

const Label = Type.Object({ fr: Type.String(), en: Type.String(), es: Type.String() });
const Coded = Type.Array(Type.Object({ code: Type.String(), name: Label }));

const TaxonomiesSchema = Type.Object({
  themes: Type.Array(
    Type.Object({
      code: Type.String(),
      dac: Type.Array(Type.String(), { description: 'OECD-DAC sector codes' }),
      name: Label,
    }),
  ),
  cooperationForms: Coded,
  contributionTypes: Coded,
  foreignAuthorityTypes: Coded,
  frenchAuthorityTypes: Coded,
  populationBrackets: Type.Array(
    Type.Object({
      code: Type.String(),
      min: Type.Integer(),
      max: Type.Union([Type.Integer(), Type.Null()]),
      name: Label,
    }),
  ),
  languages: Coded,
  continents: Coded,
  countries: Type.Array(Type.Object({ code: Type.String(), continent: Type.String(), name: Label })),
  listingStatuses: Type.Array(Type.String()),
});

/** The reference lists, in the three languages, for forms, filters and open data. */
const taxonomiesRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const body = {
    themes: [...THEMES],
    cooperationForms: [...COOPERATION_FORMS],
    contributionTypes: [...CONTRIBUTION_TYPES],
    foreignAuthorityTypes: [...FOREIGN_AUTHORITY_TYPES],
    frenchAuthorityTypes: [...FRENCH_AUTHORITY_TYPES],
    populationBrackets: [...POPULATION_BRACKETS],
    languages: [...LANGUAGES],
    continents: [...CONTINENTS],
    countries: [...COUNTRIES],
    listingStatuses: [...listingStatus.enumValues],
  };
  fastify.get(
    '/',
    {
      schema: {
        summary: 'Themes (with DAC codes), forms of cooperation, authority types, languages, countries',
        tags: ['reference'],
        response: { 200: TaxonomiesSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return body;
    },
  );
};

export default taxonomiesRoutes;
