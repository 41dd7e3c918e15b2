import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  createProgramme,
  getProgramme,
  listProgrammes,
  programmeHistory,
  setProgrammeClosed,
  updateProgramme,
  type Programme,
} from '../../../../lib/server/cofinancing/catalogue.js';
import { cofinancingFor } from '../../../../lib/server/cofinancing/paths.js';
import { supportFor } from '../../../../lib/server/cofinancing/support.js';
import { viewListing } from '../../../../lib/server/listings/queries.js';
import { ifMatchVersion, setVersionTag } from '../../../schemas/etag.js';
import { problems } from '../../../schemas/problem.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const ProgrammeSchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  funder: Type.String(),
  kind: Type.String({ description: 'call_for_projects, facility, one_percent, crisis_fund or eu' }),
  maxRatePercent: Nullable(Type.Integer()),
  countries: Type.Array(Type.String(), { description: 'Eligible countries (ISO 3166-1 alpha-2); empty: any' }),
  themes: Type.Array(Type.String(), { description: 'Themes covered; empty: any' }),
  applicantTypes: Type.Array(Type.String()),
  waterBasin: Nullable(Type.String()),
  opensOn: Nullable(Type.String({ format: 'date' })),
  closesOn: Nullable(Type.String({ format: 'date' })),
  datesToConfirm: Type.Boolean({ description: 'The dates are examples an admin has yet to confirm' }),
  officialUrl: Type.String(),
  source: Type.String(),
  description: Type.String(),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});

const ProgrammeBody = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    funder: Type.String({ maxLength: 200 }),
    kind: Type.String({ maxLength: 40 }),
    maxRatePercent: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100 }))),
    countries: Type.Optional(Type.Array(Type.String({ maxLength: 2 }), { maxItems: 250 })),
    themes: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50 })),
    applicantTypes: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 5 })),
    waterBasin: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    opensOn: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
    closesOn: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
    datesToConfirm: Type.Optional(Type.Boolean()),
    officialUrl: Type.String({ maxLength: 500 }),
    source: Type.Optional(Type.String({ maxLength: 2000 })),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

function serialise(row: Programme) {
  const { updatedBy: _updatedBy, createdAt: _createdAt, ...rest } = row;
  return { ...rest, closedAt: row.closedAt?.toISOString() ?? null, updatedAt: row.updatedAt.toISOString() };
}

/** The co-financing catalogue (read by all, kept by admins) and the paths that fit a request. */
const cofinancingRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db } = fastify.services;

  fastify.get(
    '/programmes',
    {
      schema: {
        summary:
          'The co-financing catalogue: calls for projects, facilities, 1 % mechanisms, crisis fund, EU programmes',
        tags: ['cofinancing'],
        querystring: Type.Object(
          { includeClosed: Type.Optional(Type.Boolean({ description: 'Admins only: closed entries too' })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ programmes: Type.Array(ProgrammeSchema) }), ...problems(400) },
      },
    },
    async (request) => {
      const includeClosed = request.query.includeClosed === true && request.actor?.role === 'admin';
      return { programmes: (await listProgrammes(db, { includeClosed })).map(serialise) };
    },
  );

  fastify.get(
    '/programmes/:id',
    {
      schema: {
        summary: 'One programme (ETag: its version)',
        tags: ['cofinancing'],
        params: IdParams,
        response: { 200: ProgrammeSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const row = await getProgramme(db, request.params.id);
      setVersionTag(reply, row.version);
      return serialise(row);
    },
  );

  fastify.post(
    '/programmes',
    {
      schema: {
        summary: 'Add a programme (admin)',
        tags: ['cofinancing'],
        body: ProgrammeBody,
        response: { 201: ProgrammeSchema, ...problems(400, 401, 403, 415) },
      },
    },
    async (request, reply) => {
      const row = await createProgramme(db, request.actor, request.body);
      setVersionTag(reply, row.version);
      return reply.code(201).send(serialise(row));
    },
  );

  fastify.put(
    '/programmes/:id',
    {
      schema: {
        summary: 'Edit a programme (admin; If-Match with the version read, 412 if someone saved meanwhile)',
        tags: ['cofinancing'],
        params: IdParams,
        body: ProgrammeBody,
        response: { 200: ProgrammeSchema, ...problems(400, 401, 403, 404, 412, 415, 428) },
      },
    },
    async (request, reply) => {
      const row = await updateProgramme(
        db,
        request.actor,
        request.params.id,
        request.body,
        ifMatchVersion(request) ?? undefined,
      );
      setVersionTag(reply, row.version);
      return serialise(row);
    },
  );

  for (const [action, closed] of [
    ['close', true],
    ['reopen', false],
  ] as const) {
    fastify.post(
      `/programmes/:id/${action}`,
      {
        schema: {
          summary: closed
            ? 'Close a programme: no longer offered as a path (admin, If-Match)'
            : 'Reopen a closed programme (admin, If-Match)',
          tags: ['cofinancing'],
          params: IdParams,
          response: { 200: ProgrammeSchema, ...problems(400, 401, 403, 404, 412, 428) },
        },
      },
      async (request, reply) => {
        const row = await setProgrammeClosed(
          db,
          request.actor,
          request.params.id,
          closed,
          ifMatchVersion(request) ?? undefined,
        );
        setVersionTag(reply, row.version);
        return serialise(row);
      },
    );
  }

  fastify.get(
    '/programmes/:id/history',
    {
      schema: {
        summary: 'Every saved version of a programme, newest first (admin)',
        tags: ['cofinancing'],
        params: IdParams,
        response: {
          200: Type.Object({
            history: Type.Array(
              Type.Object({
                version: Type.Integer(),
                action: Type.String(),
                changedBy: Nullable(Type.String()),
                createdAt: Type.String(),
                snapshot: Type.Record(Type.String(), Type.Unknown()),
              }),
            ),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => ({
      history: (await programmeHistory(db, request.actor, request.params.id)).map((h) => ({
        version: h.version,
        action: h.action,
        changedBy: h.changedBy,
        createdAt: h.createdAt.toISOString(),
        snapshot: h.snapshot as Record<string, unknown>,
      })),
    }),
  );

  fastify.get(
    '/listings/:id',
    {
      schema: {
        summary:
          'Co-financing paths that fit a request; for a signed-in French authority, paths for that pair (indicative)',
        tags: ['cofinancing'],
        params: IdParams,
        response: {
          200: Type.Object({
            listingId: Type.String(),
            frenchAuthority: Nullable(
              Type.Object({
                name: Type.String(),
                type: Type.String(),
                departement: Nullable(Type.String()),
                basin: Nullable(Type.String()),
                region: Nullable(Type.String()),
              }),
            ),
            paths: Type.Array(
              Type.Object({
                programme: ProgrammeSchema,
                status: Type.String(),
                closesInDays: Nullable(Type.Integer()),
                reasons: Type.Array(Type.Record(Type.String(), Type.Unknown())),
              }),
            ),
            support: Type.Array(
              Type.Object({
                name: Type.String(),
                kind: Type.String(),
                website: Nullable(Type.String()),
                email: Nullable(Type.String()),
                address: Nullable(Type.String()),
              }),
            ),
          }),
          ...problems(400, 403, 404),
        },
      },
    },
    async (request) => {
      const { view } = await viewListing(db, request.actor, request.params.id);
      const { paths, french } = await cofinancingFor(db, request.actor, { country: view.country, themes: view.themes });
      const support = await supportFor(db, french?.region ?? null);
      return {
        listingId: view.id,
        frenchAuthority: french && {
          name: french.name,
          type: french.type,
          departement: french.departement,
          basin: french.basin,
          region: french.region,
        },
        paths: paths.map((p) => ({
          programme: serialise(p.programme as Programme),
          status: p.status,
          closesInDays: p.closesInDays,
          reasons: p.reasons,
        })),
        support: support.map(({ name, kind, website, email, address }) => ({ name, kind, website, email, address })),
      };
    },
  );
};

export default cofinancingRoutes;
