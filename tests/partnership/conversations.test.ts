import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { createServer } from '../../src/api/app.js';
import { conversations, listings } from '../../src/lib/server/db/schema/index.js';
import { listOutbox } from '../../src/lib/server/mail/outbox.js';
import { processPending } from '../../src/lib/server/notifications/process.js';
import { sendUnansweredReminders } from '../../src/lib/server/conversations/notifications.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, createUser, insertListing, login } from '../helpers/fixtures.js';

let ctx: TestContext;
let app: FastifyInstance;
let listingId: string;
let french: Awaited<ReturnType<typeof createUser>>;
let foreign: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
  const thies = await createAuthority(ctx.services, { kind: 'foreign', country: 'SN', name: 'Commune de Thiès' });
  const rennes = await createAuthority(ctx.services, {
    kind: 'french',
    country: 'FR',
    name: 'Ville de Rennes',
    officialCode: '35238',
  });
  listingId = (await insertListing(ctx.services, { authorityId: thies.id, country: 'SN' })).id;
  french = await createUser(ctx.services, {
    role: 'french_authority',
    authorityId: rennes.id,
    email: 'ri@rennes.example.fr',
  });
  foreign = await createUser(ctx.services, {
    role: 'foreign_authority',
    authorityId: thies.id,
    email: 'maire@thies.example.sn',
  });
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

describe('contact relay', () => {
  let conversationId: string;

  it('lets a French authority express interest, and notifies the foreign authority without revealing any address', async () => {
    const headers = await login(app, french.email);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/conversations',
      headers,
      payload: { listingId, message: 'Bonjour, notre ville gère sa propre régie des eaux.' },
    });
    expect(res.statusCode).toBe(201);
    conversationId = res.json().conversationId;

    expect(await processPending(ctx.services)).toBe(1);
    const mails = await listOutbox(ctx.services.config);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toContain('maire@thies.example.sn');
    expect(mails[0]!.text).toContain('Ville de Rennes');
    expect(mails[0]!.text).toContain(`/echanges/${conversationId}`);
    expect(mails[0]!.text).not.toContain('rennes.example.fr');
    // The job may run twice (retry, second process): one mail only.
    expect(await processPending(ctx.services)).toBe(0);
    expect(await listOutbox(ctx.services.config)).toHaveLength(1);
  });

  it('moves the request to "in discussion" at the first reply, and hides addresses until both sides agree', async () => {
    const foreignHeaders = await login(app, foreign.email);
    const frenchHeaders = await login(app, french.email);
    // A second message from the same side is not a reply: the contact is not "established" yet.
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/messages`,
      headers: frenchHeaders,
      payload: { message: 'Nous restons à votre disposition.' },
    });
    expect(again.statusCode).toBe(201);
    const statusOf = async () =>
      (await ctx.services.db.select().from(conversations).where(eq(conversations.id, conversationId)))[0]!.status;
    expect(await statusOf()).toBe('contacted');
    expect((await ctx.services.db.select().from(listings).where(eq(listings.id, listingId)))[0]!.status).toBe(
      'published',
    );
    const reply = await app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/messages`,
      headers: foreignHeaders,
      payload: { message: 'Merci ! Quand pouvons-nous échanger ?' },
    });
    expect(reply.statusCode).toBe(201);
    const [listing] = await ctx.services.db.select().from(listings).where(eq(listings.id, listingId));
    expect(listing!.status).toBe('in_discussion');
    expect(await statusOf()).toBe('in_discussion');

    let view = (
      await app.inject({ method: 'GET', url: `/api/v1/conversations/${conversationId}`, headers: frenchHeaders })
    ).json();
    expect(view.messages).toHaveLength(3);
    expect(view.contacts).toBeNull();
    expect(JSON.stringify(view)).not.toContain('thies.example.sn');

    await app.inject({
      method: 'PUT',
      url: `/api/v1/conversations/${conversationId}/contact-sharing`,
      headers: frenchHeaders,
      payload: { share: true },
    });
    view = (
      await app.inject({ method: 'GET', url: `/api/v1/conversations/${conversationId}`, headers: frenchHeaders })
    ).json();
    expect(view.contacts).toBeNull();
    const share = await app.inject({
      method: 'PUT',
      url: `/api/v1/conversations/${conversationId}/contact-sharing`,
      headers: foreignHeaders,
      payload: { share: true },
    });
    expect(share.statusCode).toBe(204);
    view = (
      await app.inject({ method: 'GET', url: `/api/v1/conversations/${conversationId}`, headers: frenchHeaders })
    ).json();
    expect(view.contacts.foreign.map((c: { email: string }) => c.email)).toEqual(['maire@thies.example.sn']);
  });

  it('lets the correspondent of the country read but not write, and keeps everyone else out', async () => {
    const senegal = await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] });
    const morocco = await createUser(ctx.services, { role: 'correspondent', countries: ['MA'] });
    const other = await createUser(ctx.services, {
      role: 'french_authority',
      authorityId: (await createAuthority(ctx.services, { kind: 'french', country: 'FR' })).id,
    });
    const sn = await login(app, senegal.email);
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/conversations/${conversationId}`, headers: sn })).statusCode,
    ).toBe(200);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/messages`,
          headers: sn,
          payload: { message: 'Je m’invite' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/v1/conversations/${conversationId}`,
          headers: await login(app, morocco.email),
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/v1/conversations/${conversationId}`,
          headers: await login(app, other.email),
        })
      ).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/v1/conversations/${conversationId}` })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/conversations', headers: sn })).json().conversations,
    ).toHaveLength(1);
  });

  it('refuses interest from a foreign authority, on a draft, and bad input', async () => {
    const foreignHeaders = await login(app, foreign.email);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/conversations',
          headers: foreignHeaders,
          payload: { listingId, message: 'Hello there' },
        })
      ).statusCode,
    ).toBe(403);
    const draft = await insertListing(ctx.services, {
      authorityId: foreign.authorityId!,
      country: 'SN',
      status: 'draft',
    });
    const frenchHeaders = await login(app, french.email);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/conversations',
          headers: frenchHeaders,
          payload: { listingId: draft.id, message: 'Hello there' },
        })
      ).statusCode,
    ).toBe(404);
    const empty = await app.inject({
      method: 'POST',
      url: '/api/v1/conversations',
      headers: frenchHeaders,
      payload: { listingId, message: '' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().field).toBe('message');
  });

  it('reminds the silent side once after 14 days without an answer', async () => {
    await processPending(ctx.services);
    const before = (await listOutbox(ctx.services.config)).length;
    await ctx.services.db
      .update(conversations)
      .set({ lastMessageAt: new Date(Date.now() - 15 * 86_400_000), lastMessageSide: 'foreign' })
      .where(eq(conversations.id, conversationId));
    expect(await sendUnansweredReminders(ctx.services)).toBe(1);
    expect(await sendUnansweredReminders(ctx.services)).toBe(0);
    const mails = await listOutbox(ctx.services.config);
    expect(mails.length).toBe(before + 1);
    expect(mails[0]!.to).toContain('ri@rennes.example.fr');
    expect(mails[0]!.subject).toContain('14');
  });
});
