import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { createServer } from '../../src/api/app.js';
import { authorities, conversationMessages, partnerships, users } from '../../src/lib/server/db/schema/index.js';
import { listOutbox } from '../../src/lib/server/mail/outbox.js';
import { processPending } from '../../src/lib/server/notifications/process.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, createUser, insertListing, login } from '../helpers/fixtures.js';

// Issue #13's attack: a stranger registers as a member of Lannion and tries to speak for it.
let ctx: TestContext;
let app: FastifyInstance;
let lannion: { id: string };
let thies: { id: string };
let listingId: string;
let conversationId: string;
let stranger: Record<string, string>;
let strangerId: string;
const STRANGER_TEXT = 'Message du faux Lannion';

beforeAll(async () => {
  ctx = await createTestServices({ ORIGIN: 'http://localhost:3000' });
  app = await createServer(ctx.services);
  lannion = await createAuthority(ctx.services, {
    kind: 'french',
    country: 'FR',
    type: 'commune',
    name: 'Lannion',
    officialCode: '22113',
  });
  thies = await createAuthority(ctx.services, { kind: 'foreign', country: 'SN', name: 'Commune de Thiès' });
  listingId = (await insertListing(ctx.services, { authorityId: thies.id, country: 'SN' })).id;
  const member = await createUser(ctx.services, {
    role: 'french_authority',
    authorityId: lannion.id,
    email: 'relations@lannion.example.fr',
  });
  await createUser(ctx.services, { role: 'foreign_authority', authorityId: thies.id, email: 'maire@thies.example.sn' });
  const genuine = await login(app, member.email);
  const opened = await app.inject({
    method: 'POST',
    url: '/api/v1/conversations',
    headers: genuine,
    payload: { listingId, message: 'Bonjour, Lannion est intéressée.' },
  });
  expect(opened.statusCode).toBe(201);
  conversationId = opened.json().conversationId;
  await app.inject({
    method: 'PUT',
    url: `/api/v1/conversations/${conversationId}/contact-sharing`,
    headers: genuine,
    payload: { share: true },
  });
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

async function attempts(headers: Record<string, string>) {
  const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  return {
    listConversations: await send('GET', '/api/v1/conversations'),
    readConversation: await send('GET', `/api/v1/conversations/${conversationId}`),
    writeMessage: await send('POST', `/api/v1/conversations/${conversationId}/messages`, { message: STRANGER_TEXT }),
    shareContact: await send('PUT', `/api/v1/conversations/${conversationId}/contact-sharing`, { share: true }),
    openConversation: await send('POST', '/api/v1/conversations', { listingId, message: STRANGER_TEXT }),
    changeInterests: await send('PUT', '/api/v1/recommendations/interests', { themes: ['culture_heritage'] }),
    suggestions: await send('GET', '/api/v1/recommendations'),
    declarePartnership: await send('POST', '/api/v1/partnerships', {
      foreignAuthorityId: thies.id,
      frenchAuthorityId: lannion.id,
    }),
    invite: await send('POST', '/api/v1/account/invitations', { email: 'complice@example.org' }),
  };
}

function expectAllRefused(
  results: Record<string, { statusCode: number; headers: Record<string, unknown>; body: string }>,
) {
  for (const [step, res] of Object.entries(results)) {
    expect({ step, status: res.statusCode }).toEqual({ step, status: 403 });
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).not.toContain('relations@lannion.example.fr');
    expect(res.body).not.toContain('maire@thies.example.sn');
  }
}

describe('a stranger registered as a member of Lannion', () => {
  it('is registered pending, not approved', async () => {
    const found = await app.inject({ method: 'GET', url: '/api/v1/auth/french-authorities?q=Lannion' });
    expect(found.json().results[0]).toMatchObject({ id: lannion.id });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: {
        kind: 'french',
        authorityId: lannion.id,
        email: 'faux.lannion@gmail.com',
        password: 'une phrase de passe assez longue',
        displayName: 'Faux Agent',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ approved: false, membership: 'pending', emailVerified: false });
    stranger = { authorization: `Bearer ${res.json().token}` };
    strangerId = res.json().user.userId;
  });

  it('is refused at every step before verifying the address', async () => {
    expectAllRefused(await attempts(stranger));
  });

  it('is still refused at every step once the address is verified, and Lannion’s member is asked to vouch', async () => {
    const mails = await listOutbox(ctx.services.config);
    const verification = mails.find((m) => m.to.includes('faux.lannion@gmail.com'))!;
    const token = /verification-email\?token=([\w-]+)/.exec(verification.text)![1];
    const verified = await app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    expect(verified.json()).toEqual({ approved: false });
    expectAllRefused(await attempts(stranger));
    await processPending(ctx.services);
    const ask = (await listOutbox(ctx.services.config)).find(
      (m) => m.to.includes('relations@lannion.example.fr') && /demande à rejoindre Lannion/.test(m.subject),
    );
    expect(ask?.text).toContain('faux.lannion@gmail.com');
    expect(ask?.text).toContain('/compte');
  });

  it('has written nothing in Lannion’s name, and nothing was mailed in its name or to the stranger', async () => {
    expect(
      await ctx.services.db.select().from(conversationMessages).where(eq(conversationMessages.senderId, strangerId)),
    ).toEqual([]);
    expect(await ctx.services.db.select().from(partnerships)).toEqual([]);
    const [authority] = await ctx.services.db.select().from(authorities).where(eq(authorities.id, lannion.id));
    expect(authority!.themes).toEqual([]);
    // The foreign side answers: only Lannion's approved member hears about it.
    const reply = await app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/messages`,
      headers: await login(app, 'maire@thies.example.sn'),
      payload: { message: 'Réponse de Thiès' },
    });
    expect(reply.statusCode).toBe(201);
    await processPending(ctx.services);
    await processPending(ctx.services);
    const mails = await listOutbox(ctx.services.config);
    expect(mails.filter((m) => m.text.includes(STRANGER_TEXT))).toEqual([]);
    const toStranger = mails.filter((m) => m.to.includes('faux.lannion@gmail.com')).map((m) => m.subject);
    expect(toStranger).toEqual([expect.stringMatching(/Confirmez votre adresse/)]);
    const toThies = mails.filter((m) => m.to.includes('maire@thies.example.sn'));
    expect(toThies.map((m) => m.text).join('\n')).not.toContain('Faux Agent');
    expect(
      mails.some((m) => m.to.includes('relations@lannion.example.fr') && m.text.includes('Réponse de Thiès')),
    ).toBe(true);
  });

  it('once an approved member of Lannion rejects them (with a reason), they are told and still refused', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${strangerId}/reject`,
      headers: await login(app, 'relations@lannion.example.fr'),
      payload: { reason: 'Personne inconnue de nos services.' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ membership: 'rejected' });
    await processPending(ctx.services);
    const told = (await listOutbox(ctx.services.config)).find(
      (m) => m.to.includes('faux.lannion@gmail.com') && /n’a pas été confirmé/.test(m.subject),
    );
    expect(told?.text).toContain('Personne inconnue de nos services.');
    expectAllRefused(await attempts(stranger));
    const [row] = await ctx.services.db.select().from(users).where(eq(users.id, strangerId));
    expect(row!.membership).toBe('rejected');
  });
});
