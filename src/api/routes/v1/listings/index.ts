import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createListing, submitListing, updateListing } from '../../../../lib/server/listings/editing.js';
import {
  archiveListing,
  decideListing,
  followUpListing,
  reconfirmListing,
} from '../../../../lib/server/listings/lifecycle.js';
import { fullListing } from '../../../../lib/server/listings/projection.js';
import {
  listingEvents,
  listOpenListings,
  MAX_PAGE_SIZE,
  viewListing,
} from '../../../../lib/server/listings/queries.js';
import type { ListingWithAuthority } from '../../../../lib/server/listings/store.js';
import { ifMatchVersion, setVersionTag } from '../../../schemas/etag.js';
import {
  CommentBody,
  CreateListingBody,
  DecisionBody,
  FullListingSchema,
  IfMatchHeaders,
  ListingEventSchema,
  ListingIdParams,
  ListingViewSchema,
  PublicListingSchema,
  ThemeCode,
  TransitionBody,
  UpdateListingBody,
} from '../../../schemas/listing.js';
import { problems } from '../../../schemas/problem.js';

const ListingsQuery = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 }),
    country: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), {
        maxItems: 50,
        description: 'ISO 3166-1 alpha-2; repeat for several',
      }),
    ),
    theme: Type.Optional(Type.Array(ThemeCode, { maxItems: 18, description: 'Theme code; repeat for several' })),
  },
  { additionalProperties: false },
);

/** Errors any step on an existing request can answer. */
const STEP_ERRORS = problems(400, 401, 403, 404, 409, 412, 413, 415);

const listingsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db } = fastify.services;
  const tagged = (reply: { header(k: string, v: string): unknown }, result: ListingWithAuthority) => {
    setVersionTag(reply as never, result.listing.version);
    return fullListing(result.listing, result.authority);
  };

  fastify.get(
    '/',
    {
      schema: {
        summary: 'Open cooperation requests (published or in discussion), newest first',
        tags: ['listings'],
        querystring: ListingsQuery,
        response: {
          200: Type.Object({
            items: Type.Array(PublicListingSchema),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            total: Type.Integer(),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => listOpenListings(db, request.query),
  );

  fastify.post(
    '/',
    {
      schema: {
        summary:
          'Create a draft request for your authority (correspondents and admins: for an authority of their countries)',
        tags: ['listings'],
        body: CreateListingBody,
        response: { 201: FullListingSchema, ...problems(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const result = await createListing(db, request.actor, request.body as Record<string, unknown>);
      reply.code(201).header('location', `/api/v1/listings/${result.listing.id}`);
      return tagged(reply, result);
    },
  );

  fastify.get(
    '/:id',
    {
      schema: {
        summary:
          'One request: the full version for its authority and moderators, the public one (no contacts) for others',
        tags: ['listings'],
        params: ListingIdParams,
        response: { 200: ListingViewSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const { view, version } = await viewListing(db, request.actor, request.params.id);
      setVersionTag(reply, version);
      return view;
    },
  );

  fastify.patch(
    '/:id',
    {
      schema: {
        summary:
          'Change a request (If-Match required). A published request keeps its public content until the revision is approved',
        tags: ['listings'],
        params: ListingIdParams,
        headers: IfMatchHeaders,
        body: UpdateListingBody,
        response: { 200: FullListingSchema, ...STEP_ERRORS, ...problems(428) },
      },
    },
    async (request, reply) =>
      tagged(reply, await updateListing(db, request.actor, request.params.id, request.body, ifMatchVersion(request))),
  );

  fastify.post(
    '/:id/submit',
    {
      schema: {
        summary: 'Send a draft, or the revision of a published request, to the correspondent of its country',
        tags: ['listings'],
        params: ListingIdParams,
        headers: IfMatchHeaders,
        response: { 200: FullListingSchema, ...STEP_ERRORS },
      },
    },
    async (request, reply) =>
      tagged(reply, await submitListing(db, request.actor, request.params.id, ifMatchVersion(request) ?? undefined)),
  );

  fastify.post(
    '/:id/decision',
    {
      schema: {
        summary: 'Moderate: approve, request changes or reject (a comment is required unless approving)',
        tags: ['moderation'],
        params: ListingIdParams,
        headers: IfMatchHeaders,
        body: DecisionBody,
        response: { 200: FullListingSchema, ...STEP_ERRORS },
      },
    },
    async (request, reply) =>
      tagged(
        reply,
        await decideListing(db, request.actor, request.params.id, request.body, ifMatchVersion(request) ?? undefined),
      ),
  );

  fastify.post(
    '/:id/transition',
    {
      schema: {
        summary: 'Report the follow-up of a published request: in_discussion → matched → closed',
        tags: ['listings'],
        params: ListingIdParams,
        headers: IfMatchHeaders,
        body: TransitionBody,
        response: { 200: FullListingSchema, ...STEP_ERRORS },
      },
    },
    async (request, reply) =>
      tagged(
        reply,
        await followUpListing(
          db,
          request.actor,
          request.params.id,
          request.body.to,
          request.body.comment,
          ifMatchVersion(request) ?? undefined,
        ),
      ),
  );

  fastify.post(
    '/:id/archive',
    {
      schema: {
        summary: 'Withdraw a published, in-discussion or expired request',
        tags: ['listings'],
        params: ListingIdParams,
        headers: IfMatchHeaders,
        body: CommentBody,
        response: { 200: FullListingSchema, ...STEP_ERRORS },
      },
    },
    async (request, reply) =>
      tagged(
        reply,
        await archiveListing(
          db,
          request.actor,
          request.params.id,
          request.body.comment,
          ifMatchVersion(request) ?? undefined,
        ),
      ),
  );

  fastify.post(
    '/:id/reconfirm',
    {
      schema: {
        summary: 'Confirm the request is still current: published for 12 more months (an expired one comes back)',
        tags: ['listings'],
        params: ListingIdParams,
        headers: IfMatchHeaders,
        response: { 200: FullListingSchema, ...STEP_ERRORS },
      },
    },
    async (request, reply) =>
      tagged(reply, await reconfirmListing(db, request.actor, request.params.id, ifMatchVersion(request) ?? undefined)),
  );

  fastify.get(
    '/:id/events',
    {
      schema: {
        summary: 'The audit trail of a request (its authority and moderators only)',
        tags: ['moderation'],
        params: ListingIdParams,
        response: { 200: Type.Object({ items: Type.Array(ListingEventSchema) }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: await listingEvents(db, request.actor, request.params.id) }),
  );
};

export default listingsRoutes;
