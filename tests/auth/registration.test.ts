import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { createServer } from '../../src/api/app.js';
import { authorities, users } from '../../src/lib/server/db/schema/index.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, createUser, login } from '../helpers/fixtures.js';
import { linkToken, startSmtpCapture, type SmtpCapture } from '../helpers/smtp.js';

const PASSWORD = 'une phrase de passe assez longue';
let ctx: TestContext;
let app: FastifyInstance;
let smtp: SmtpCapture;
let lyon: { id: string };

beforeAll(async () => {
  smtp = await startSmtpCapture();
  ctx = await createTestServices({ SMTP_URL: smtp.url, ORIGIN: 'http://localhost:3000' });
  app = await createServer(ctx.services);
  lyon = await createAuthority(ctx.services, {
    kind: 'french',
    country: 'FR',
    type: 'commune',
    name: 'Lyon',
    officialCode: '69123',
    website: 'https://www.lyon.fr',
    population: 520_000,
    verifiedAt: null,
  });
  await createAuthority(ctx.services, {
    kind: 'french',
    country: 'FR',
    type: 'commune',
    name: 'Lyons-la-Forêt',
    officialCode: '27377',
    population: 700,
  });
  await createAuthority(ctx.services, {
    kind: 'french',
    country: 'FR',
    type: 'departement',
    name: 'Rhône',
    officialCode: '69',
    population: 1_900_000,
  });
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
  await smtp?.close();
});

const register = (payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/register', payload });

describe('French authorities', () => {
  it('finds a collectivité by name (largest first), official code or postcode', async () => {
    const byName = await app.inject({ method: 'GET', url: '/api/v1/auth/french-authorities?q=lyon' });
    expect(byName.statusCode).toBe(200);
    expect(byName.json().results.map((r: { name: string }) => r.name)).toEqual(['Lyon', 'Lyons-la-Forêt']);
    const byCode = await app.inject({ method: 'GET', url: '/api/v1/auth/french-authorities?q=69123' });
    expect(byCode.json().results).toEqual([expect.objectContaining({ name: 'Lyon', officialCode: '69123' })]);
    const byPostcode = await app.inject({ method: 'GET', url: '/api/v1/auth/french-authorities?q=69003' });
    expect(byPostcode.json().results.map((r: { name: string }) => r.name)).toEqual(['Lyon']);
    const tooShort = await app.inject({ method: 'GET', url: '/api/v1/auth/french-authorities?q=l' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().field).toBe('q');
  });

  it('registers, mails a verification link, and approves the member whose address is on the authority domain', async () => {
    const res = await register({
      kind: 'french',
      authorityId: lyon.id,
      email: 'Marie.Curie@lyon.fr',
      password: PASSWORD,
      displayName: 'Marie Curie',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({
      role: 'french_authority',
      authorityId: lyon.id,
      emailVerified: false,
      approved: false,
    });
    expect(String(res.headers['set-cookie'])).toMatch(/^session=/);
    const mail = await smtp.waitFor('marie.curie@lyon.fr', /Confirmez votre adresse/);
    const token = linkToken(mail, '/verification-email');

    const verified = await app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({ approved: true });
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${res.json().token}` },
    });
    expect(me.json().user).toMatchObject({ emailVerified: true, approved: true });
    const [authority] = await ctx.services.db.select().from(authorities).where(eq(authorities.id, lyon.id));
    expect(authority!.verifiedAt).not.toBeNull();

    const reused = await app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({ field: 'token' });
  });

  it('leaves a webmail address verified but waiting for an admin, who alone may approve a French member', async () => {
    const res = await register({
      kind: 'french',
      authorityId: lyon.id,
      email: 'elu.lyon@gmail.com',
      password: PASSWORD,
      displayName: 'Jean Élu',
    });
    expect(res.statusCode).toBe(201);
    const token = linkToken(await smtp.waitFor('elu.lyon@gmail.com'), '/verification-email');
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } })).json()).toEqual(
      { approved: false },
    );

    const userId = res.json().user.userId;
    const correspondent = await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] });
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${userId}/approve`,
      headers: await login(app, correspondent.email),
    });
    expect(refused.statusCode).toBe(403);
    const admin = await createUser(ctx.services, { role: 'admin' });
    const approved = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${userId}/approve`,
      headers: await login(app, admin.email),
    });
    expect(approved.statusCode).toBe(204);
    const [user] = await ctx.services.db.select().from(users).where(eq(users.id, userId));
    expect(user!.approvedAt).not.toBeNull();
  });

  it('refuses an unknown collectivité, a taken address, a short or common password, naming the field', async () => {
    const base = {
      kind: 'french',
      authorityId: lyon.id,
      email: 'autre@lyon.fr',
      password: PASSWORD,
      displayName: 'Autre Agent',
    };
    expect((await register({ ...base, authorityId: '00000000-0000-4000-8000-000000000000' })).json()).toMatchObject({
      status: 400,
      field: 'authorityId',
    });
    expect((await register({ ...base, email: 'MARIE.CURIE@lyon.fr' })).json()).toMatchObject({
      status: 409,
      field: 'email',
    });
    expect((await register({ ...base, password: 'short pass' })).json()).toMatchObject({
      status: 400,
      field: 'password',
      reason: 'too_short',
    });
    expect((await register({ ...base, password: 'qwertyuiop123' })).json()).toMatchObject({
      status: 400,
      field: 'password',
      reason: 'common',
    });
    expect((await register({ ...base, password: 'x'.repeat(129) })).json()).toMatchObject({
      status: 400,
      field: 'password',
      reason: 'too_long',
    });
    expect((await register({ ...base, email: 'not-an-address' })).json()).toMatchObject({
      status: 400,
      field: 'email',
    });
    expect((await register({ ...base, role: 'admin' })).json()).toMatchObject({ status: 400, field: 'role' });
    // No composition rules: a long passphrase of lowercase words is fine.
    expect((await register({ ...base, password: 'le vieux pont sur la saône' })).statusCode).toBe(201);
  });
});

describe('foreign authorities', () => {
  it('creates the authority unverified; only the correspondent covering its country (or an admin) vouches for it', async () => {
    const res = await register({
      kind: 'foreign',
      email: 'maire@commune-tivaouane.sn',
      password: PASSWORD,
      displayName: 'Awa Ndiaye',
      locale: 'fr',
      authority: { name: 'Commune de Tivaouane', type: 'municipality', country: 'sn', website: 'commune-tivaouane.sn' },
    });
    expect(res.statusCode).toBe(201);
    const { authorityId } = res.json();
    const [authority] = await ctx.services.db.select().from(authorities).where(eq(authorities.id, authorityId));
    expect(authority).toMatchObject({ kind: 'foreign', country: 'SN', verifiedAt: null });
    // A matching domain proves nothing abroad: the correspondent decides.
    const token = linkToken(await smtp.waitFor('maire@commune-tivaouane.sn'), '/verification-email');
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } })).json()).toEqual(
      { approved: false },
    );

    const userId = res.json().user.userId;
    const morocco = await createUser(ctx.services, { role: 'correspondent', countries: ['MA'] });
    const denied = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${userId}/approve`,
      headers: await login(app, morocco.email),
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toContain('application/problem+json');

    const senegal = await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] });
    const ok = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${userId}/approve`,
      headers: await login(app, senegal.email),
    });
    expect(ok.statusCode).toBe(204);
    const [after] = await ctx.services.db.select().from(authorities).where(eq(authorities.id, authorityId));
    expect(after!.verifiedAt).not.toBeNull();
    expect(after!.verifiedBy).toBe(senegal.id);
  });

  it('a correspondent covering Senegal cannot act on a Moroccan account', async () => {
    const rabat = await createAuthority(ctx.services, { kind: 'foreign', country: 'MA', verifiedAt: null });
    const moroccan = await createUser(ctx.services, { role: 'foreign_authority', authorityId: rabat.id });
    const senegal = await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] });
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${moroccan.id}/approve`,
      headers: await login(app, senegal.email),
    });
    expect(res.statusCode).toBe(403);
    const [authority] = await ctx.services.db.select().from(authorities).where(eq(authorities.id, rabat.id));
    expect(authority!.verifiedAt).toBeNull();
  });

  it('refuses France, an unknown type and a missing authority', async () => {
    const base = { kind: 'foreign', email: 'x@municipio.pe', password: PASSWORD, displayName: 'Luis Quispe' };
    const authority = { name: 'Municipalidad de Cusco', type: 'municipality', country: 'PE' };
    expect((await register({ ...base, authority: { ...authority, country: 'FR' } })).json()).toMatchObject({
      status: 400,
      field: 'authority.country',
    });
    expect((await register({ ...base, authority: { ...authority, type: 'empire' } })).json()).toMatchObject({
      status: 400,
      field: 'authority.type',
    });
    expect((await register(base)).json()).toMatchObject({ status: 400, field: 'authority' });
  });

  it('opens sovereign countries, and a dependent territory only once a correspondent covers it', async () => {
    const base = { kind: 'foreign', password: PASSWORD, displayName: 'Ana Pérez' };
    const inGibraltar = (email: string) =>
      register({ ...base, email, authority: { name: 'Gibraltar Borough', type: 'municipality', country: 'GI' } });
    for (const country of ['GP', 'RE', 'NC', 'AQ']) {
      const refused = await register({
        ...base,
        email: `x-${country}@example.org`,
        authority: { name: 'Commune test', type: 'municipality', country },
      });
      expect(refused.json(), country).toMatchObject({ status: 400, field: 'authority.country' });
    }
    expect((await inGibraltar('a@gibraltar.gi')).json()).toMatchObject({ status: 400, field: 'authority.country' });
    await createUser(ctx.services, { role: 'correspondent', countries: ['ES', 'GI'] });
    expect((await inGibraltar('b@gibraltar.gi')).statusCode).toBe(201);
  });
});
