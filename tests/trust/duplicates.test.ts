import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { count, eq } from 'drizzle-orm';
import { createServer } from '../../src/api/app.js';
import {
  authorities,
  conversationMessages,
  conversations,
  listings,
  partnerships,
  trustEvents,
  users,
} from '../../src/lib/server/db/schema/index.js';
import { listOutbox } from '../../src/lib/server/mail/outbox.js';
import { processPending } from '../../src/lib/server/notifications/process.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, createUser, insertListing, login } from '../helpers/fixtures.js';

let ctx: TestContext;
let app: FastifyInstance;
let podor: { id: string };
let lannion: { id: string };
let rennes: { id: string };
const PASSWORD = 'une phrase de passe assez longue';

beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
  podor = await createAuthority(ctx.services, {
    kind: 'foreign',
    country: 'SN',
    name: 'Commune de Podor',
    region: 'Saint-Louis',
  });
  await createAuthority(ctx.services, { kind: 'foreign', country: 'SN', name: 'Commune de Dakar-Plateau' });
  await createAuthority(ctx.services, { kind: 'foreign', country: 'MR', name: 'Commune de Podor' });
  lannion = await createAuthority(ctx.services, { kind: 'french', country: 'FR', name: 'Lannion' });
  rennes = await createAuthority(ctx.services, { kind: 'french', country: 'FR', name: 'Rennes' });
  await createUser(ctx.services, { role: 'foreign_authority', authorityId: podor.id, email: 'maire@podor.example.sn' });
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

const register = (payload: Record<string, unknown>) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { kind: 'foreign', password: PASSWORD, displayName: 'Amadou Ba', ...payload },
  });

describe('duplicates at registration', () => {
  it('offers the existing authorities of that country with a similar name before creating one', async () => {
    const similar = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/similar-authorities?country=SN&name=${encodeURIComponent('Mairie de Podor')}`,
    });
    expect(similar.json().results.map((r: { name: string }) => r.name)).toEqual(['Commune de Podor']);
    const res = await register({
      email: 'a.ba@example.sn',
      authority: { name: 'commune de PODOR', type: 'municipality', country: 'SN' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      field: 'authority.name',
      reason: 'similar_authorities',
      similar: [expect.objectContaining({ id: podor.id, verified: true })],
    });
    // Nothing was created by the refused attempt.
    expect(
      (
        await ctx.services.db.select({ n: count() }).from(authorities).where(eq(authorities.name, 'commune de PODOR'))
      )[0]!.n,
    ).toBe(0);
    // A distinct name in the same country is not held up.
    expect(
      (
        await register({
          email: 'b@example.sn',
          authority: { name: 'Commune de Matam', type: 'municipality', country: 'SN' },
        })
      ).statusCode,
    ).toBe(201);
  });

  it('choosing the existing one sends a join request, approved by its approved member', async () => {
    const res = await register({ email: 'a.ba@example.sn', joinAuthorityId: podor.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      authorityId: podor.id,
      user: { membership: 'pending', role: 'foreign_authority' },
    });
    const verification = (await listOutbox(ctx.services.config)).find((m) => m.to.includes('a.ba@example.sn'))!;
    const token = /verification-email\?token=([\w-]+)/.exec(verification.text)![1];
    await app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    await processPending(ctx.services);
    const ask = (await listOutbox(ctx.services.config)).find(
      (m) =>
        m.to.includes('maire@podor.example.sn') && /Amadou Ba demande à rejoindre Commune de Podor/.test(m.subject),
    );
    expect(ask).toBeDefined();
    const approve = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${res.json().user.userId}/approve`,
      headers: await login(app, 'maire@podor.example.sn'),
    });
    expect(approve.statusCode).toBe(204);
  });
});

describe('merging duplicates', () => {
  it('moves requests, members, conversations and partnerships to the kept authority, loses nothing, and is audited', async () => {
    const created = await register({
      email: 'doublon@example.sn',
      authority: { name: 'Podor', type: 'municipality', country: 'SN' },
      createAnyway: true,
    });
    const duplicateId = created.json().authorityId as string;
    const duplicateMember = created.json().user.userId as string;
    const published = await insertListing(ctx.services, {
      authorityId: duplicateId,
      country: 'SN',
      title: 'Digue de protection',
    });
    await insertListing(ctx.services, {
      authorityId: duplicateId,
      country: 'SN',
      status: 'draft',
      title: 'Brouillon du doublon',
    });
    const french = await createUser(ctx.services, { role: 'french_authority', authorityId: lannion.id });
    const opened = await app.inject({
      method: 'POST',
      url: '/api/v1/conversations',
      headers: await login(app, french.email),
      payload: { listingId: published.id, message: 'Lannion connaît les digues.' },
    });
    expect(opened.statusCode).toBe(201);
    // Both Podors claim a partnership with Lannion (kept once), the duplicate one with Rennes (moved).
    await ctx.services.db.insert(partnerships).values([
      { foreignAuthorityId: podor.id, frenchAuthorityId: lannion.id, source: 'declared', status: 'confirmed' },
      {
        foreignAuthorityId: duplicateId,
        frenchAuthorityId: lannion.id,
        source: 'declared',
        status: 'pending',
        declaredBySide: 'foreign',
      },
      { foreignAuthorityId: duplicateId, frenchAuthorityId: rennes.id, source: 'declared', status: 'confirmed' },
    ]);
    const totals = async () => ({
      listings: (await ctx.services.db.select({ n: count() }).from(listings))[0]!.n,
      conversations: (await ctx.services.db.select({ n: count() }).from(conversations))[0]!.n,
      messages: (await ctx.services.db.select({ n: count() }).from(conversationMessages))[0]!.n,
      users: (await ctx.services.db.select({ n: count() }).from(users))[0]!.n,
      partnerships: (await ctx.services.db.select({ n: count() }).from(partnerships))[0]!.n,
    });
    const morocco = await login(
      app,
      (await createUser(ctx.services, { role: 'correspondent', countries: ['MA'] })).email,
    );
    const senegal = await login(
      app,
      (await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] })).email,
    );
    const before = await totals();

    const payload = { keepId: podor.id, duplicateId, reason: 'Même commune, inscrite deux fois.' };
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/moderation/accounts/merge', headers: morocco, payload }))
        .statusCode,
    ).toBe(403);
    const merged = await app.inject({
      method: 'POST',
      url: '/api/v1/moderation/accounts/merge',
      headers: senegal,
      payload,
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toEqual({
      keptId: podor.id,
      removedId: duplicateId,
      moved: { listings: 2, members: 1, partnerships: 2, partnershipsEnded: 1 },
    });

    expect(await totals()).toEqual(before);
    expect(await ctx.services.db.select().from(authorities).where(eq(authorities.id, duplicateId))).toEqual([]);
    const podorListings = await ctx.services.db
      .select({ title: listings.title })
      .from(listings)
      .where(eq(listings.authorityId, podor.id));
    expect(podorListings.map((l) => l.title).sort()).toEqual(['Brouillon du doublon', 'Digue de protection']);
    const [member] = await ctx.services.db.select().from(users).where(eq(users.id, duplicateMember));
    expect(member!.authorityId).toBe(podor.id);
    const conversation = await app.inject({
      method: 'GET',
      url: `/api/v1/conversations/${opened.json().conversationId}`,
      headers: await login(app, 'maire@podor.example.sn'),
    });
    expect(conversation.statusCode).toBe(200);
    expect(conversation.json().foreignAuthority.id).toBe(podor.id);
    const pairs = await ctx.services.db
      .select()
      .from(partnerships)
      .where(eq(partnerships.foreignAuthorityId, podor.id));
    expect(pairs.map((p) => [p.frenchAuthorityId === lannion.id ? 'Lannion' : 'Rennes', p.status]).sort()).toEqual([
      ['Lannion', 'confirmed'],
      ['Lannion', 'ended'],
      ['Rennes', 'confirmed'],
    ]);
    const [event] = await ctx.services.db.select().from(trustEvents).where(eq(trustEvents.action, 'authority.merge'));
    expect(event).toMatchObject({
      authorityId: podor.id,
      reason: 'Même commune, inscrite deux fois.',
      details: expect.objectContaining({ removedId: duplicateId, removedName: 'Podor' }),
    });
    // Merging again finds nothing to merge.
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/moderation/accounts/merge', headers: senegal, payload }))
        .statusCode,
    ).toBe(404);
  });
});
