import { describe, expect, test as it } from '../helpers/test.js';
import { createUser, login, TEST_PASSWORD } from '../helpers/fixtures.js';
import { sessions } from '../../src/lib/server/db/schema/index.js';

describe('minimal session (login, me, logout)', () => {
  it('logs in, sets an HttpOnly SameSite=Lax cookie, and /me answers with the role and countries', async ({
    services,
    app,
  }) => {
    const user = await createUser(services, { role: 'correspondent', countries: ['SN', 'MA'] });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const token = res.json().token as string;
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', cookies: { session: token } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ role: 'correspondent', countries: ['MA', 'SN'] });
  });

  it('stores only a hash of the secret', async ({ services, app }) => {
    const user = await createUser(services, { role: 'french_authority' });
    const headers = await login(app, user.email);
    const secret = headers.authorization!.split('.')[1]!;
    const rows = await services.db.select().from(sessions);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Buffer.from(row.secretHash).toString()).not.toContain(secret);
  });

  it('answers an unknown email and a wrong password with the same 401', async ({ services, app }) => {
    const user = await createUser(services, { role: 'french_authority' });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'nope-nope-nope' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.org', password: 'nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('refuses a forged token and ends the session at logout', async ({ services, app }) => {
    const user = await createUser(services, { role: 'foreign_authority' });
    const headers = await login(app, user.email);
    const forged = headers.authorization!.replace(/\.[a-z0-9]+$/, '.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: forged } })).statusCode,
    ).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode).toBe(401);
  });

  it('refuses bad input with problem+json naming the field', async ({ app }) => {
    const missing = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.c' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().field).toBe('password');
    const extra = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.c', password: 'x', admin: true },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().field).toBe('admin');
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(malformed.statusCode).toBe(400);
    const huge = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(huge.statusCode).toBe(413);
  });
});
