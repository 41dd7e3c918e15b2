import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { createServer } from '../../src/api/app.js';
import { correspondentCountries, users } from '../../src/lib/server/db/schema/index.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, createUser, login } from '../helpers/fixtures.js';
import { linkToken, startSmtpCapture, type SmtpCapture } from '../helpers/smtp.js';
import { INVITATION_LIMITS } from '../../src/lib/server/auth/invitations.js';
import { plainName } from '../../src/lib/server/notifications/account-mails.js';

const PASSWORD = 'ambassade de dakar plateau';
let ctx: TestContext;
let app: FastifyInstance;
let smtp: SmtpCapture;
let adminHeaders: Record<string, string>;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  ctx = await createTestServices({ SMTP_URL: smtp.url });
  app = await createServer(ctx.services);
  const admin = await createUser(ctx.services, { role: 'admin' });
  adminHeaders = await login(app, admin.email);
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
  await smtp?.close();
});

const invite = (headers: Record<string, string>, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/v1/admin/invitations', headers, payload });
const accept = (payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/invitations/accept', payload });

describe('staff invitations', () => {
  it('an admin invites a correspondent for Senegal and Mauritania; accepting creates the account with those countries', async () => {
    const res = await invite(adminHeaders, {
      email: 'cd.dakar@diplomatie.gouv.fr',
      role: 'correspondent',
      countries: ['sn', 'MR'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ role: 'correspondent', countries: ['MR', 'SN'], mailSent: true });
    const mail = await smtp.waitFor('cd.dakar@diplomatie.gouv.fr', /Invitation/);
    expect(mail.text).toContain('correspondant(e) de coopération décentralisée');
    // Names the countries and says how long the link lasts in days, with a subject naming the service once.
    expect(mail.text).toContain('pour\u00a0: Mauritanie, Sénégal');
    expect(mail.text).toContain('valable 7 jours');
    expect(mail.subject).toBe('Invitation de Test admin à rejoindre Bourse-projets');
    const token = linkToken(mail, '/invitation/');

    const preview = await app.inject({ method: 'GET', url: `/api/v1/auth/invitations/${token}` });
    expect(preview.json()).toMatchObject({
      email: 'cd.dakar@diplomatie.gouv.fr',
      role: 'correspondent',
      countries: ['MR', 'SN'],
    });

    const accepted = await accept({ token, displayName: 'Claire Diop', password: PASSWORD });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().user).toMatchObject({
      role: 'correspondent',
      countries: ['MR', 'SN'],
      emailVerified: true,
      approved: true,
    });
    const userId = accepted.json().user.userId;
    const rows = await ctx.services.db
      .select()
      .from(correspondentCountries)
      .where(eq(correspondentCountries.userId, userId));
    expect(rows.map((r) => r.country).sort()).toEqual(['MR', 'SN']);

    const again = await accept({ token, displayName: 'Claire Diop', password: PASSWORD });
    expect(again.json()).toMatchObject({ status: 400, field: 'token' });
  });

  it('refuses non-admins, a correspondent without countries, France as a country, and an address already taken', async () => {
    const correspondent = await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] });
    expect(
      (await invite(await login(app, correspondent.email), { email: 'x@example.org', role: 'admin' })).statusCode,
    ).toBe(403);
    expect((await invite({}, { email: 'x@example.org', role: 'admin' })).statusCode).toBe(401);
    expect(
      (await invite(adminHeaders, { email: 'x@example.org', role: 'correspondent', countries: [] })).json(),
    ).toMatchObject({ status: 400, field: 'countries' });
    expect(
      (await invite(adminHeaders, { email: 'x@example.org', role: 'correspondent', countries: ['FR'] })).json(),
    ).toMatchObject({ status: 400, field: 'countries' });
    expect((await invite(adminHeaders, { email: 'x@example.org', role: 'super' })).json()).toMatchObject({
      status: 400,
      field: 'role',
    });
    expect((await invite(adminHeaders, { email: correspondent.email, role: 'admin' })).json()).toMatchObject({
      status: 409,
      field: 'email',
    });
  });

  it('an admin invitation creates an admin who covers no country', async () => {
    await invite(adminHeaders, { email: 'delegation@diplomatie.gouv.fr', role: 'admin', locale: 'en' });
    const mail = await smtp.waitFor('delegation@diplomatie.gouv.fr', /Invitation/);
    expect(mail.text).toContain('as administrator');
    const accepted = await accept({
      token: linkToken(mail, '/invitation/'),
      displayName: 'Paul Martin',
      password: PASSWORD,
      locale: 'en',
    });
    expect(accepted.json().user).toMatchObject({ role: 'admin', countries: [] });
  });
});

describe('colleagues', () => {
  it('an approved member invites a colleague into the same authority', async () => {
    const authority = await createAuthority(ctx.services, {
      kind: 'foreign',
      country: 'MA',
      name: 'Commune de Chefchaouen',
    });
    const member = await createUser(ctx.services, { role: 'foreign_authority', authorityId: authority.id });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/account/invitations',
      headers: await login(app, member.email),
      payload: { email: 'collegue@chefchaouen.ma' },
    });
    expect(res.statusCode).toBe(201);
    const mail = await smtp.waitFor('collegue@chefchaouen.ma');
    expect(mail.text).toContain('Commune de Chefchaouen');
    const accepted = await accept({
      token: linkToken(mail, '/invitation/'),
      displayName: 'Samira Alaoui',
      password: PASSWORD,
    });
    expect(accepted.json().user).toMatchObject({
      role: 'foreign_authority',
      authorityId: authority.id,
      approved: true,
    });
  });

  it('refuses an unapproved member and a correspondent', async () => {
    const authority = await createAuthority(ctx.services, { kind: 'foreign', country: 'MA', verifiedAt: null });
    const member = await createUser(ctx.services, { role: 'foreign_authority', authorityId: authority.id });
    await ctx.services.db.update(users).set({ approvedAt: null, membership: 'pending' }).where(eq(users.id, member.id));
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/account/invitations',
      headers: await login(app, member.email),
      payload: { email: 'y@example.ma' },
    });
    expect(res.statusCode).toBe(403);
    const correspondent = await createUser(ctx.services, { role: 'correspondent', countries: ['MA'] });
    const res2 = await app.inject({
      method: 'POST',
      url: '/api/v1/account/invitations',
      headers: await login(app, correspondent.email),
      payload: { email: 'y@example.ma' },
    });
    expect(res2.statusCode).toBe(403);
  });
});

describe('invitations are no spam cannon', () => {
  it('a member with a link in their name sends 40 invitations: 10 go out, the rest get 429, and no mail carries a link', async () => {
    const authority = await createAuthority(ctx.services, { kind: 'foreign', country: 'MA' });
    const member = await createUser(ctx.services, { role: 'foreign_authority', authorityId: authority.id });
    const headers = await login(app, member.email);
    const named = await app.inject({
      method: 'PATCH',
      url: '/api/v1/account',
      headers,
      payload: {
        displayName: 'Gagnez un prix sur https://evil.example/claim ou www.evil.example — écrivez à win@evil.example',
      },
    });
    expect(named.statusCode).toBe(204);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/account/invitations',
        headers,
        payload: { email: `cible${i}@victims.example` },
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(INVITATION_LIMITS.perInviter);
    expect(statuses.slice(INVITATION_LIMITS.perInviter).every((s) => s === 429)).toBe(true);
    const mail = await smtp.waitFor('cible0@victims.example');
    const invitationLink = mail.text.match(/https?:\/\/\S+\/invitation\/\S+/)![0];
    // The only address in the mail is the invitation's own link: the name's are defused (plain text, no link).
    expect(mail.text.replace(invitationLink, '')).not.toMatch(/https?:|www\.|evil\.example|@evil/);
    expect(mail.text).toContain('Gagnez un prix');
  });

  it('members of one authority together stay within the authority’s daily limit', async () => {
    const authority = await createAuthority(ctx.services, { kind: 'french', country: 'FR' });
    let sent = 0;
    let refused = 0;
    for (let m = 0; m < 3; m++) {
      const member = await createUser(ctx.services, { role: 'french_authority', authorityId: authority.id });
      const headers = await login(app, member.email);
      for (let i = 0; i < INVITATION_LIMITS.perInviter; i++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/account/invitations',
          headers,
          payload: { email: `c${m}-${i}@mairie.example` },
        });
        if (res.statusCode === 201) sent++;
        else if (res.statusCode === 429) refused++;
      }
    }
    expect(sent).toBe(INVITATION_LIMITS.perAuthority);
    expect(refused).toBe(3 * INVITATION_LIMITS.perInviter - INVITATION_LIMITS.perAuthority);
  });

  it('display names are plain and short in mails', () => {
    expect(plainName('Marie\u202Eevil\u202C Dupont')).toBe('Marie evil Dupont');
    expect(plainName('voir evil.example')).not.toContain('evil.example');
    expect(plainName('J.-P. Dupont, St.Louis')).toMatch(/^J\.-P\. Dupont, St.Louis$/);
    expect([...plainName('x'.repeat(500))].length).toBeLessThanOrEqual(80);
  });
});

describe('managing staff', () => {
  it('an admin reassigns a correspondent from Senegal to Morocco: the perimeter follows at once', async () => {
    const correspondent = await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] });
    const headers = await login(app, correspondent.email);
    const put = (h: Record<string, string>, countries: unknown) =>
      app.inject({
        method: 'PUT',
        url: `/api/v1/admin/users/${correspondent.id}/countries`,
        headers: h,
        payload: { countries },
      });
    expect((await put(headers, ['MA'])).statusCode).toBe(403);
    expect((await put(adminHeaders, ['FR'])).json()).toMatchObject({ status: 400, field: 'countries' });
    expect((await put(adminHeaders, [])).json()).toMatchObject({ status: 400, field: 'countries' });
    const ok = await put(adminHeaders, ['ma', 'TN']);
    expect(ok.json()).toEqual({ countries: ['MA', 'TN'] });
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers })).json().user.countries).toEqual([
      'MA',
      'TN',
    ]);

    const member = await createUser(ctx.services, { role: 'foreign_authority' });
    const notCorrespondent = await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/users/${member.id}/countries`,
      headers: adminHeaders,
      payload: { countries: ['MA'] },
    });
    expect(notCorrespondent.json()).toMatchObject({ status: 400, field: 'userId' });
  });

  it('an admin disables an account (signed out everywhere, sign-in refused) and enables it again', async () => {
    const correspondent = await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] });
    const headers = await login(app, correspondent.email);
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/admin/users/${correspondent.id}/disable`, headers }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/admin/users/${correspondent.id}/disable`,
          headers: adminHeaders,
        })
      ).statusCode,
    ).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode).toBe(401);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: correspondent.email, password: 'irrelevant password' },
    });
    expect(refused.statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/admin/users/${correspondent.id}/enable`,
          headers: adminHeaders,
        })
      ).statusCode,
    ).toBe(204);
    await login(app, correspondent.email);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/disable',
          headers: adminHeaders,
        })
      ).statusCode,
    ).toBe(404);
  });
});
