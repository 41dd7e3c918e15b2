import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { users } from '../../../../lib/server/db/schema/index.js';
import { Unauthenticated } from '../../../../lib/server/errors.js';
import {
  DELIVERY_MODES,
  NOTIFICATION_KINDS,
  type DeliveryMode,
  type NotificationKind,
} from '../../../../lib/server/notifications/kinds.js';
import { listNotices, markRead, unreadCount } from '../../../../lib/server/notifications/notices.js';
import { preferencesOf, setPreferences, unsubscribe } from '../../../../lib/server/notifications/preferences.js';
import { problems } from '../../../schemas/problem.js';

const Kind = Type.Unsafe<NotificationKind>(Type.String({ enum: [...NOTIFICATION_KINDS] }));
const Mode = Type.Unsafe<DeliveryMode>(Type.String({ enum: [...DELIVERY_MODES] }));
const Notice = Type.Object({
  id: Type.Integer(),
  kind: Kind,
  text: Type.String({ description: 'What happened, in the language asked for (?locale=) or the person’s own' }),
  path: Type.String({ description: 'Page it is about, without locale prefix' }),
  createdAt: Type.String(),
  read: Type.Boolean(),
});
const Preferences = Type.Record(Type.String(), Mode, {
  description: 'Mode per kind; account kinds are always immediate',
});

/** A person's notices (the in-app side of every notification) and how they want mails. */
const notificationRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db } = fastify.services;
  const me = (actor: { userId: string } | null) => {
    if (!actor) throw new Unauthenticated();
    return actor.userId;
  };

  fastify.get(
    '/',
    {
      schema: {
        summary: 'My notices, newest first, with the unread count',
        tags: ['notifications'],
        querystring: Type.Object(
          { locale: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en'), Type.Literal('es')])) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ unread: Type.Integer(), notices: Type.Array(Notice) }), ...problems(400, 401) },
      },
    },
    async (request) => {
      const userId = me(request.actor);
      const [user] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).limit(1);
      const locale = request.query.locale ?? user?.locale ?? 'fr';
      return { unread: await unreadCount(db, userId), notices: await listNotices(db, userId, locale) };
    },
  );

  fastify.post(
    '/read',
    {
      schema: {
        summary: 'Mark some of my notices (ids) or all of them read',
        tags: ['notifications'],
        body: Type.Object(
          { ids: Type.Union([Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 }), Type.Literal('all')]) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ marked: Type.Integer() }), ...problems(400, 401, 415) },
      },
    },
    async (request) => ({ marked: await markRead(db, me(request.actor), request.body.ids) }),
  );

  fastify.get(
    '/preferences',
    {
      schema: {
        summary: 'How I receive each kind of notification by mail',
        tags: ['notifications'],
        response: { 200: Preferences, ...problems(401) },
      },
    },
    async (request) => preferencesOf(db, me(request.actor)),
  );

  fastify.put(
    '/preferences',
    {
      schema: {
        summary: 'Choose immediate, daily or off per kind (account kinds cannot be turned off)',
        tags: ['notifications'],
        body: Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 20 })),
        response: { 200: Preferences, ...problems(400, 401, 415) },
      },
    },
    async (request) => {
      const userId = me(request.actor);
      await setPreferences(db, userId, request.body);
      return preferencesOf(db, userId);
    },
  );

  // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" as a form to the List-Unsubscribe URL.
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  fastify.post(
    '/unsubscribe/:userId/:kind/:token',
    {
      schema: {
        summary: 'RFC 8058 one-click unsubscribe from one kind of notification mail (the List-Unsubscribe URL)',
        tags: ['notifications'],
        params: Type.Object(
          {
            userId: Type.String({ maxLength: 40 }),
            kind: Type.String({ maxLength: 60 }),
            token: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ unsubscribed: Type.Literal(true), kind: Kind }), ...problems(400, 415) },
      },
    },
    async (request) => ({
      unsubscribed: true as const,
      kind: await unsubscribe(db, request.params.userId, request.params.kind, request.params.token),
    }),
  );
};

export default notificationRoutes;
