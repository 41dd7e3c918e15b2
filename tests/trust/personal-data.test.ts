import { eq } from 'drizzle-orm';
import { conversationMessages, partnerships, users } from '../../src/lib/server/db/schema/index.js';
import { createAuthority, createUser, insertListing, login, TEST_PASSWORD } from '../helpers/fixtures.js';
import { describe, expect, test as it } from '../helpers/test.js';

describe('personal data', () => {
  it('the export holds messages, saved searches, partnerships declared, audit actions and sessions; deletion leaves no claim in the authority’s name', async ({
    services,
    app,
  }) => {
    const lannion = await createAuthority(services, { kind: 'french', country: 'FR', name: 'Lannion' });
    const thies = await createAuthority(services, { kind: 'foreign', country: 'SN', name: 'Commune de Thiès' });
    const mbour = await createAuthority(services, { kind: 'foreign', country: 'SN', name: 'Commune de Mbour' });
    const listing = await insertListing(services, { authorityId: thies.id, country: 'SN' });
    const me = await createUser(services, {
      role: 'french_authority',
      authorityId: lannion.id,
      email: 'moi@lannion.example.fr',
    });
    const headers = await login(app, me.email);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/conversations',
          headers,
          payload: { listingId: listing.id, message: 'Mon message personnel' },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/saved-searches',
          headers,
          payload: { name: 'Eau', frequency: 'weekly', query: { theme: 'water_sanitation' } },
        })
      ).statusCode,
    ).toBe(201);
    const claim = await app.inject({
      method: 'POST',
      url: '/api/v1/partnerships',
      headers,
      payload: { foreignAuthorityId: thies.id, frenchAuthorityId: lannion.id },
    });
    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/partnerships',
      headers,
      payload: { foreignAuthorityId: mbour.id, frenchAuthorityId: lannion.id },
    });
    const mbourMember = await createUser(services, { role: 'foreign_authority', authorityId: mbour.id });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/partnerships/${other.json().id}/confirm`,
          headers: await login(app, mbourMember.email),
        })
      ).statusCode,
    ).toBe(200);

    const exported = (await app.inject({ method: 'GET', url: '/api/v1/account/export', headers })).json();
    expect(exported.messages).toEqual([expect.objectContaining({ body: 'Mon message personnel', side: 'french' })]);
    expect(exported.savedSearches).toEqual([expect.objectContaining({ name: 'Eau', frequency: 'weekly' })]);
    expect(exported.partnerships).toHaveLength(2);
    expect(exported.partnerships.every((p: { declaredByMe: boolean }) => p.declaredByMe)).toBe(true);
    expect(exported.auditActions.trust.map((e: { action: string }) => e.action)).toEqual([
      'partnership.declare',
      'partnership.declare',
    ]);
    expect(exported.sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(exported)).not.toMatch(/password|secret_hash|tokenHash/i);

    const deleted = await app.inject({
      method: 'DELETE',
      url: '/api/v1/account',
      headers,
      payload: { password: TEST_PASSWORD },
    });
    expect(deleted.statusCode).toBe(204);
    expect(await services.db.select().from(users).where(eq(users.id, me.id))).toEqual([]);
    const [unconfirmed] = await services.db.select().from(partnerships).where(eq(partnerships.id, claim.json().id));
    expect(unconfirmed).toMatchObject({ status: 'ended', createdBy: null });
    // What both sides agreed to belongs to the two authorities and stays; the message stays with the conversation.
    const [confirmed] = await services.db.select().from(partnerships).where(eq(partnerships.id, other.json().id));
    expect(confirmed).toMatchObject({ status: 'confirmed', createdBy: null });
    const [message] = await services.db.select().from(conversationMessages);
    expect(message).toMatchObject({ senderId: null, body: 'Mon message personnel' });
  });
});
