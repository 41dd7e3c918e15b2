import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  expressInterest,
  listConversations,
  MESSAGE_MAX,
  postMessage,
  readConversation,
  setContactSharing,
} from '../../../../lib/server/conversations/conversations.js';
import { problems } from '../../../schemas/problem.js';

const Side = Type.Union([Type.Literal('french'), Type.Literal('foreign')]);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const Contact = Type.Object({ name: Type.String(), email: Type.String() });
const Posted = Type.Object({ conversationId: Type.String(), messageId: Type.Integer(), side: Side });

const ConversationSchema = Type.Object({
  id: Type.String(),
  status: Type.String(),
  listing: Type.Object({ id: Type.String(), title: Type.String(), status: Type.String(), country: Type.String() }),
  frenchAuthority: Type.Object({ id: Type.String(), name: Type.String() }),
  foreignAuthority: Type.Object({ id: Type.String(), name: Type.String() }),
  viewerSide: Type.Union([Side, Type.Null()]),
  sharing: Type.Object({ french: Type.Boolean(), foreign: Type.Boolean() }),
  contacts: Type.Union([Type.Object({ french: Type.Array(Contact), foreign: Type.Array(Contact) }), Type.Null()]),
  messages: Type.Array(Type.Object({ id: Type.Integer(), side: Side, body: Type.String(), createdAt: Type.String() })),
});

/** Conversations (the contact relay): French and foreign authorities talk through the platform, addresses hidden by default. */
const conversationRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db } = fastify.services;

  fastify.post(
    '/',
    {
      schema: {
        summary: 'Express interest in a published request (French authorities): opens or continues the conversation',
        tags: ['conversations'],
        body: Type.Object(
          {
            listingId: Type.String({ format: 'uuid' }),
            message: Type.String({ minLength: 2, maxLength: MESSAGE_MAX }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Posted, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await expressInterest(db, request.actor, request.body.listingId, request.body.message)),
  );

  fastify.get(
    '/',
    {
      schema: {
        summary: 'My conversations (correspondents: those about their countries)',
        tags: ['conversations'],
        response: {
          200: Type.Object({
            conversations: Type.Array(
              Type.Object({
                id: Type.String(),
                status: Type.String(),
                listingId: Type.String(),
                listingTitle: Type.String(),
                country: Type.String(),
                frenchAuthorityName: Type.String(),
                lastMessageAt: Type.String(),
                lastMessageSide: Type.String(),
              }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => ({ conversations: await listConversations(db, request.actor) }),
  );

  fastify.get(
    '/:id',
    {
      schema: {
        summary: 'A conversation and its messages',
        tags: ['conversations'],
        params: IdParams,
        response: { 200: ConversationSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => readConversation(db, request.actor, request.params.id),
  );

  fastify.post(
    '/:id/messages',
    {
      schema: {
        summary:
          'Write in a conversation (the first reply of the foreign authority moves the request to "in discussion")',
        tags: ['conversations'],
        params: IdParams,
        body: Type.Object(
          { message: Type.String({ minLength: 2, maxLength: MESSAGE_MAX }) },
          { additionalProperties: false },
        ),
        response: { 201: Posted, ...problems(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await postMessage(db, request.actor, request.params.id, request.body.message)),
  );

  fastify.put(
    '/:id/contact-sharing',
    {
      schema: {
        summary: 'Agree (or stop agreeing) to share my contact; addresses are shown once both sides agree',
        tags: ['conversations'],
        params: IdParams,
        body: Type.Object({ share: Type.Boolean() }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 415) },
      },
    },
    async (request, reply) => {
      await setContactSharing(db, request.actor, request.params.id, request.body.share);
      return reply.code(204).send(null);
    },
  );
};

export default conversationRoutes;
