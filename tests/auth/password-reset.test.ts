import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { createServer } from '../../src/api/app.js';
import { oneTimeTokens } from '../../src/lib/server/db/schema/index.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createUser, login, TEST_PASSWORD } from '../helpers/fixtures.js';
import { linkToken, startSmtpCapture, type SmtpCapture } from '../helpers/smtp.js';
import { PASSWORD_RESET_JOB, passwordResetJobs } from '../../src/lib/server/auth/password-reset.js';
import { startJobQueue, type JobDefinition } from '../../src/lib/server/jobs/queue.js';

const NEW_PASSWORD = 'un tout nouveau mot de passe';
let ctx: TestContext;
let app: FastifyInstance;
let smtp: SmtpCapture;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  ctx = await createTestServices({ SMTP_URL: smtp.url, ORIGIN: 'https://bourse.example.org' });
  app = await createServer(ctx.services);
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
  await smtp?.close();
});

const requestReset = (email: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
const confirm = (token: string, password = NEW_PASSWORD) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password } });

describe('password reset', () => {
  it('answers the same for an unknown address and mails nothing', async () => {
    const before = smtp.mails.length;
    const res = await requestReset('personne@nulle-part.example');
    expect(res.statusCode).toBe(202);
    expect(smtp.mails.length).toBe(before);
  });

  it('mails a link on the public origin; the new password works, the old one and every session end', async () => {
    const user = await createUser(ctx.services, { role: 'foreign_authority' });
    const headers = await login(app, user.email);
    expect((await requestReset(user.email.toUpperCase())).statusCode).toBe(202);
    const mail = await smtp.waitFor(user.email, /mot de passe/);
    expect(mail.text).toContain('https://bourse.example.org/mot-de-passe-oublie/');
    const token = linkToken(mail, '/mot-de-passe-oublie/');
    // Only a hash of the token is stored.
    const stored = await ctx.services.db
      .select()
      .from(oneTimeTokens)
      .where(eq(oneTimeTokens.purpose, 'password_reset'));
    expect(stored.some((row) => Buffer.from(row.tokenHash).toString('utf8').includes(token))).toBe(false);

    expect((await confirm(token)).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode).toBe(401);
    const oldLogin = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(oldLogin.statusCode).toBe(401);
    await login(app, user.email, NEW_PASSWORD);

    const reused = await confirm(token, 'encore un autre mot de passe');
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({ field: 'token', type: expect.stringContaining('invalid_token') });
  });

  it('refuses an expired link, a link for another purpose, a forged one, and a weak new password (leaving the link usable)', async () => {
    const user = await createUser(ctx.services, { role: 'french_authority' });
    await requestReset(user.email);
    const token = linkToken(await smtp.waitFor(user.email, /mot de passe/), '/mot-de-passe-oublie/');

    const weak = await confirm(token, 'password1234');
    expect(weak.json()).toMatchObject({ status: 400, field: 'password', reason: 'common' });
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } })).statusCode,
    ).toBe(400);
    expect((await confirm('a'.repeat(40))).json()).toMatchObject({ status: 400, field: 'token' });
    expect((await confirm('../../etc/passwd')).json()).toMatchObject({ status: 400, field: 'token' });

    await ctx.services.db
      .update(oneTimeTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(oneTimeTokens.userId, user.id));
    expect((await confirm(token)).json()).toMatchObject({ status: 400, field: 'token' });
  });

  it('a newer link replaces the older one', async () => {
    const user = await createUser(ctx.services, { role: 'french_authority' });
    await requestReset(user.email);
    const first = linkToken(await smtp.waitFor(user.email, /mot de passe/), '/mot-de-passe-oublie/');
    smtp.mails.length = 0;
    await requestReset(user.email);
    const second = linkToken(await smtp.waitFor(user.email, /mot de passe/), '/mot-de-passe-oublie/');
    expect(second).not.toBe(first);
    expect((await confirm(first)).statusCode).toBe(400);
    expect((await confirm(second)).statusCode).toBe(204);
  });

  it('does the same work for a known and an unknown address: one queued job each, no mail while answering', async () => {
    const queue = await startJobQueue(ctx.services, passwordResetJobs as JobDefinition<never>[]);
    try {
      const user = await createUser(ctx.services, { role: 'french_authority' });
      const jobs = async () =>
        (
          await ctx.services.sql<
            { n: number }[]
          >`select count(*)::int as n from pgboss.job where name = ${PASSWORD_RESET_JOB}`
        )[0]!.n;
      const before = await jobs();
      const mailsBefore = smtp.mails.length;
      expect((await requestReset('personne@nulle-part.example')).statusCode).toBe(202);
      expect((await requestReset(user.email)).statusCode).toBe(202);
      expect(await jobs()).toBe(before + 2);
      // Nothing was looked up nor mailed while answering: both answers did the same thing.
      expect(smtp.mails.length).toBe(mailsBefore);
      const mail = await smtp.waitFor(user.email, /mot de passe/, 30_000);
      expect(mail.text).toContain('/mot-de-passe-oublie/');
      expect(smtp.mails.filter((m) => m.to.some((t) => t.includes('nulle-part.example')))).toHaveLength(0);
    } finally {
      await queue.stop();
    }
  }, 60_000);
});
