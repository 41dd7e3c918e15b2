import { eq } from 'drizzle-orm';
import { listings, users } from '../../src/lib/server/db/schema/index.js';
import { describe, expect, test as it } from '../helpers/test.js';
import { createAuthority, createUser, login, TEST_PASSWORD } from '../helpers/fixtures.js';

const NEW_PASSWORD = 'nouvelle phrase secrète du compte';

describe('sessions', () => {
  it('lists my sessions, ends another device, then every session with "log out everywhere"', async ({
    services,
    app,
    api,
  }) => {
    const user = await createUser(services, { role: 'foreign_authority' });
    const laptop = await login(app, user.email);
    const phone = await login(app, user.email);
    const listed = await api.call('GET', '/api/v1/account/sessions', laptop);
    expect(listed.statusCode).toBe(200);
    const sessions = listed.json().sessions as Array<{ id: string; current: boolean }>;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(JSON.stringify(listed.json())).not.toContain(laptop.authorization!.split('.')[1]);

    const other = sessions.find((s) => !s.current)!;
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/v1/account/sessions/${other.id}`, headers: laptop })).statusCode,
    ).toBe(204);
    expect((await api.call('GET', '/api/v1/me', phone)).statusCode).toBe(401);
    expect((await api.call('GET', '/api/v1/me', laptop)).statusCode).toBe(200);

    // Someone else's session id is not mine to end.
    const stranger = await createUser(services, { role: 'foreign_authority' });
    const strangerHeaders = await login(app, stranger.email);
    const strangerSession = (await api.call('GET', '/api/v1/account/sessions', strangerHeaders)).json().sessions[0].id;
    await app.inject({ method: 'DELETE', url: `/api/v1/account/sessions/${strangerSession}`, headers: laptop });
    expect((await api.call('GET', '/api/v1/me', strangerHeaders)).statusCode).toBe(200);

    const tablet = await login(app, user.email);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers: laptop })).statusCode).toBe(
      204,
    );
    expect((await api.call('GET', '/api/v1/me', laptop)).statusCode).toBe(401);
    expect((await api.call('GET', '/api/v1/me', tablet)).statusCode).toBe(401);
  });

  it('changing the password ends every session and continues in a new one', async ({ services, app, api }) => {
    const user = await createUser(services, { role: 'french_authority' });
    const here = await login(app, user.email);
    const elsewhere = await login(app, user.email);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/account/password',
      headers: here,
      payload: { currentPassword: 'not my password', newPassword: NEW_PASSWORD },
    });
    expect(wrong.json()).toMatchObject({ status: 400, field: 'currentPassword' });
    const common = await app.inject({
      method: 'POST',
      url: '/api/v1/account/password',
      headers: here,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'qwerty123456' },
    });
    expect(common.json()).toMatchObject({ status: 400, field: 'newPassword' });

    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/account/password',
      headers: here,
      payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.statusCode).toBe(200);
    expect(String(changed.headers['set-cookie'])).toMatch(/^session=/);
    expect((await api.call('GET', '/api/v1/me', here)).statusCode).toBe(401);
    expect((await api.call('GET', '/api/v1/me', elsewhere)).statusCode).toBe(401);
    expect((await api.call('GET', '/api/v1/me', { authorization: `Bearer ${changed.json().token}` })).statusCode).toBe(
      200,
    );
    await login(app, user.email, NEW_PASSWORD);
  });

  it('a stolen session cannot guess the current password: failures are throttled like sign-ins', async ({
    services,
    app,
  }) => {
    const user = await createUser(services, { role: 'french_authority' });
    const headers = await login(app, user.email);
    const change = (currentPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/account/password',
        headers,
        payload: { currentPassword, newPassword: NEW_PASSWORD },
      });
    for (let i = 0; i < 5; i++) expect((await change(`guess number ${i}`)).statusCode).toBe(400);
    const throttled = await change(TEST_PASSWORD);
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('profile and personal data', () => {
  it('updates my name, job title and language, refusing bad values by field', async ({ services, app, api }) => {
    const user = await createUser(services, { role: 'french_authority' });
    const headers = await login(app, user.email);
    const ok = await app.inject({
      method: 'PATCH',
      url: '/api/v1/account',
      headers,
      payload: { displayName: '  Anne   Hidalgo ', jobTitle: 'Chargée des relations internationales', locale: 'es' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await api.call('GET', '/api/v1/account', headers)).json()).toMatchObject({
      displayName: 'Anne Hidalgo',
      jobTitle: 'Chargée des relations internationales',
      locale: 'es',
    });
    expect(
      (await app.inject({ method: 'PATCH', url: '/api/v1/account', headers, payload: { locale: 'de' } })).json(),
    ).toMatchObject({ status: 400, field: 'locale' });
    expect(
      (await app.inject({ method: 'PATCH', url: '/api/v1/account', headers, payload: { displayName: 'A' } })).json(),
    ).toMatchObject({ status: 400, field: 'displayName' });
    expect(
      (await app.inject({ method: 'PATCH', url: '/api/v1/account', headers, payload: { email: 'x@y.z' } })).json(),
    ).toMatchObject({ status: 400, field: 'email' });
    expect((await app.inject({ method: 'PATCH', url: '/api/v1/account', payload: { locale: 'fr' } })).statusCode).toBe(
      401,
    );
  });

  it('exports my data as JSON without any secret', async ({ services, app, api }) => {
    const correspondent = await createUser(services, { role: 'correspondent', countries: ['SN', 'GM'] });
    const headers = await login(app, correspondent.email);
    const res = await api.call('GET', '/api/v1/account/export', headers);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const data = res.json();
    expect(data.profile).toMatchObject({ email: correspondent.email, role: 'correspondent', countries: ['GM', 'SN'] });
    expect(data.correspondentCountries.map((c: { country: string }) => c.country).sort()).toEqual(['GM', 'SN']);
    expect(data.sessions).toHaveLength(1);
    const text = res.body;
    expect(text).not.toContain('argon2');
    expect(text).not.toContain(headers.authorization!.split(' ')[1]!.split('.')[0]);
  });

  it("deletes my account after my password; the authority's published listings stay", async ({
    services,
    app,
    api,
  }) => {
    const authority = await createAuthority(services, { kind: 'foreign', country: 'BJ' });
    const user = await createUser(services, { role: 'foreign_authority', authorityId: authority.id });
    const [listing] = await services.db
      .insert(listings)
      .values({
        authorityId: authority.id,
        country: 'BJ',
        createdBy: user.id,
        status: 'published',
        originalLanguage: 'fr',
        title: 'Adduction d’eau potable',
        summary: 'Forages',
      })
      .returning();
    const headers = await login(app, user.email);
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: '/api/v1/account',
          headers,
          payload: { password: 'wrong password!' },
        })
      ).json(),
    ).toMatchObject({ status: 400, field: 'password' });
    const res = await app.inject({
      method: 'DELETE',
      url: '/api/v1/account',
      headers,
      payload: { password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(204);
    expect(await services.db.select().from(users).where(eq(users.id, user.id))).toHaveLength(0);
    const [kept] = await services.db.select().from(listings).where(eq(listings.id, listing!.id));
    expect(kept).toMatchObject({ status: 'published', createdBy: null });
    expect((await api.call('GET', '/api/v1/me', headers)).statusCode).toBe(401);
  });

  it('the last administrator cannot delete their account', async ({ services, app }) => {
    await services.db.delete(users).where(eq(users.role, 'admin'));
    const admin = await createUser(services, { role: 'admin' });
    const res = await app.inject({
      method: 'DELETE',
      url: '/api/v1/account',
      headers: await login(app, admin.email),
      payload: { password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(409);
  });
});
