import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { InvalidInput } from '../../../../../lib/server/errors.js';
import {
  createImportBatch,
  isStale,
  readImportBatch,
  reportOf,
  type ImportBatch,
} from '../../../../../lib/server/partnerships/import/batches.js';
import { startCommit } from '../../../../../lib/server/partnerships/import/commit.js';
import { IMPORT_LIMITS } from '../../../../../lib/server/partnerships/import/limits.js';
import { IMPORT_FIELDS } from '../../../../../lib/server/partnerships/import/map.js';
import { startDryRun } from '../../../../../lib/server/partnerships/import/match.js';
import { rollbackImportBatch } from '../../../../../lib/server/partnerships/import/rollback.js';
import { problems } from '../../../../schemas/problem.js';

const Counts = Type.Object({
  code: Type.Integer(),
  name: Type.Integer(),
  unmatched: Type.Integer(),
  invalid: Type.Integer(),
  duplicate: Type.Integer(),
  newForeign: Type.Integer(),
});
const Batch = Type.Object({
  id: Type.String({ format: 'uuid' }),
  fileName: Type.String(),
  status: Type.String({ description: 'uploaded, matching, ready, committing, committed, rolled_back or failed' }),
  rows: Type.Integer(),
  processed: Type.Integer({ description: 'Rows the running step has gone through (poll until the status changes)' }),
  created: Type.Integer({ description: 'Partnerships this batch added' }),
  stale: Type.Boolean({ description: 'A running step that has not moved for two minutes (a restart cut it off)' }),
  mapping: Type.Record(Type.String(), Type.Union([Type.Integer(), Type.Null()])),
  headers: Type.Array(Type.String()),
  counts: Type.Union([Counts, Type.Null()]),
});
const Params = Type.Object({ id: Type.String({ maxLength: 100 }) });

const view = (b: ImportBatch) => ({
  id: b.id,
  fileName: b.fileName,
  status: b.status,
  rows: b.rows,
  processed: b.processed,
  created: b.created,
  stale: isStale(b),
  mapping: (b.mapping ?? {}) as Record<string, number | null>,
  headers: (b.source as { headers: string[] } | null)?.headers ?? [],
  counts: reportOf(b)?.counts ?? null,
});

/**
 * The partnership import for scripts (the admin page /admin/import-partenariats calls the same services): upload,
 * dry run, commit and rollback start at once and answer 202; GET the batch to follow its progress.
 */
const partnershipImportRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/',
    {
      bodyLimit: Math.ceil((IMPORT_LIMITS.maxBytes * 4) / 3) + 4096,
      schema: {
        summary: 'Upload an Atlas-like CSV or XLSX (base64): the batch comes back with the mapping guessed',
        tags: ['admin'],
        body: Type.Object({
          fileName: Type.String({ minLength: 1, maxLength: IMPORT_LIMITS.maxFileName }),
          contentBase64: Type.String({ minLength: 1 }),
        }),
        response: { 201: Batch, ...problems(400, 401, 403, 413) },
      },
    },
    async (request, reply) => {
      const { fileName, contentBase64 } = request.body;
      if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(contentBase64))
        throw new InvalidInput('contentBase64', 'contentBase64 must be the file in base64.');
      const batch = await createImportBatch(fastify.services.db, request.requireActor(), {
        name: fileName,
        bytes: new Uint8Array(Buffer.from(contentBase64, 'base64')),
      });
      return reply.code(201).send(view(batch));
    },
  );

  fastify.get(
    '/:id',
    {
      schema: {
        summary: 'A batch: its status, progress and dry-run counts',
        tags: ['admin'],
        params: Params,
        response: { 200: Batch, ...problems(401, 403, 404) },
      },
    },
    async (request) => view(await readImportBatch(fastify.services.db, request.requireActor(), request.params.id)),
  );

  fastify.post(
    '/:id/dry-run',
    {
      schema: {
        summary: 'Check the batch with this mapping (field → column index); writes no partnership',
        tags: ['admin'],
        params: Params,
        body: Type.Object(
          Object.fromEntries(
            IMPORT_FIELDS.map((f) => [f, Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]))]),
          ),
          { additionalProperties: false },
        ),
        response: { 202: Batch, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { batch } = await startDryRun(
        fastify.services,
        request.requireActor(),
        request.params.id,
        request.body as Record<string, unknown>,
      );
      return reply.code(202).send(view(batch));
    },
  );

  fastify.post(
    '/:id/commit',
    {
      schema: {
        summary: 'Import the rows the dry run matched (by code or by name), tagged with the batch id',
        tags: ['admin'],
        params: Params,
        response: { 202: Batch, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { batch } = await startCommit(fastify.services, request.requireActor(), request.params.id);
      return reply.code(202).send(view(batch));
    },
  );

  fastify.post(
    '/:id/rollback',
    {
      schema: {
        summary: 'Remove exactly what a committed batch added',
        tags: ['admin'],
        params: Params,
        response: {
          200: Type.Object({ partnerships: Type.Integer(), authorities: Type.Integer() }),
          ...problems(401, 403, 404, 409),
        },
      },
    },
    async (request) => rollbackImportBatch(fastify.services, request.requireActor(), request.params.id),
  );
};

export default partnershipImportRoutes;
