import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/api/app.js';
import { builtApp } from '../helpers/run-build.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { createUser } from '../helpers/fixtures.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp.js';

// The operator commands as the image ships them: `node dist/cli.js …` from the assembled runtime files.
let ctx: TestContext;
let build: Awaited<ReturnType<typeof builtApp>>;
let smtp: SmtpCapture;

function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(build.root, args, {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    DATABASE_URL: ctx.databaseUrl,
    MEILI_URL: ctx.services.config.meiliUrl!,
    MEILI_MASTER_KEY: ctx.services.config.meiliMasterKey!,
    MEILI_INDEX_PREFIX: ctx.services.config.meiliIndexPrefix,
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'bourse-cli-')),
    ORIGIN: 'https://bourse.example.org',
    SMTP_URL: smtp.url,
    ...env,
  });
}

beforeAll(async () => {
  [ctx, build, smtp] = await Promise.all([createTestServices(), builtApp(), startSmtpCapture()]);
}, 180_000);
afterAll(async () => {
  build?.remove();
  await smtp?.close();
  await ctx?.cleanup();
});

describe('operator commands (node dist/cli.js)', () => {
  it('lists the commands with --help, and answers wrong usage with exit code 64', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['migrate', 'reindex', 'seed', 'reference-data', 'create-admin'])
      expect(help.out).toContain(name);
    expect((await cli(['create-admin', '--help'])).out).toMatch(/--email <address> --name/);
    expect((await cli(['frobnicate'])).code).toBe(64);
    expect((await cli(['create-admin', '--email', 'a@b.fr'])).code).toBe(64);
    expect((await cli(['migrate', '--bogus'])).code).toBe(64);
  });

  it('says which variable is wrong (exit 78) and when the services cannot be reached (exit 69)', async () => {
    const bad = await cli(['migrate'], { DATABASE_URL: 'mysql://nope' });
    expect(bad.code).toBe(78);
    expect(bad.err).toContain('DATABASE_URL');
    const down = await cli(['migrate'], { DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x' });
    expect(down.code).toBe(69);
    expect(down.err).toMatch(/cannot reach the database/);
  });

  it(
    'creates the first administrator without a password and gives the link where they choose one',
    { timeout: 120_000 },
    async () => {
      const run = await cli(['create-admin', '--email', 'delegation@diplomatie.gouv.fr', '--name', 'Délégation']);
      expect(run.code, run.err).toBe(0);
      expect(run.out).toContain('administrator delegation@diplomatie.gouv.fr created');
      const link = /https:\/\/bourse\.example\.org\/mot-de-passe-oublie\/([a-z2-7]+)/.exec(run.out);
      expect(link).not.toBeNull();
      const mail = await smtp.waitFor('delegation@diplomatie.gouv.fr');
      expect(mail.text).toContain(link![0]);

      // The link sets the password; the administrator signs in and is one.
      const app = await createServer(ctx.services);
      try {
        const reset = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset/confirm',
          payload: { token: link![1], password: 'une phrase de passe solide 2026' },
        });
        expect(reset.statusCode, reset.body).toBeLessThan(300);
        const login = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'delegation@diplomatie.gouv.fr', password: 'une phrase de passe solide 2026' },
        });
        expect(login.statusCode, login.body).toBe(200);
        const me = await app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${login.json().token}` },
        });
        expect(me.json()).toMatchObject({ user: { role: 'admin' } });
      } finally {
        await app.close();
      }

      // Run again: a fresh link, the same account.
      const again = await cli(['create-admin', '--email', 'delegation@diplomatie.gouv.fr', '--name', 'Délégation']);
      expect(again.code).toBe(0);
      expect(again.out).toContain('already an administrator');
      const [{ n }] = await ctx.services.sql<
        [{ n: number }]
      >`select count(*)::int as n from users where lower(email) = 'delegation@diplomatie.gouv.fr'`;
      expect(n).toBe(1);
    },
  );

  it('refuses to turn an existing non-admin account into an administrator (exit 1), and the demo seed in production (64)', async () => {
    const someone = await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] });
    const run = await cli(['create-admin', '--email', someone.email, '--name', 'Someone']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('correspondent');
    expect((await cli(['seed'])).code).toBe(64);
  });
});
