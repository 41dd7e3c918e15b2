// The production image without Docker: the Dockerfile's build stage replayed in a scratch copy of the checkout,
// exactly the files its runtime stage copies (read from the Dockerfile), started with its ENV and CMD against a
// PostgreSQL and a Meilisearch running beside it as external services, then used the way people use it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/lib/server/embedded/child-process.js';
import { startEmbeddedMeilisearch } from '../../src/lib/server/embedded/meilisearch.js';
import { startEmbeddedPostgres, type EmbeddedService } from '../../src/lib/server/embedded/postgres.js';
import { createLogger } from '../../src/lib/server/logger.js';
import { runCli } from '../helpers/cli.js';
import { readDockerfile } from '../helpers/dockerfile.js';
import { linkToken, startSmtpCapture, type SmtpCapture } from '../helpers/smtp.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const plan = readDockerfile(path.join(repoRoot, 'Dockerfile'));
const PASSWORD = 'une phrase de passe assez longue';
const silent = createLogger({ logLevel: 'silent' });

let scratch: string;
let runtimeDir: string;
let pg: EmbeddedService;
let meili: EmbeddedService & { masterKey: string };
let smtp: SmtpCapture;
let admin: postgres.Sql;
let app: ChildProcess;
let appOutput = '';
let baseUrl: string;
let appEnv: Record<string, string>;
const figures: Record<string, number> = {};

/** What a Docker build sees: no npm_* variables from the npm running these tests, no NODE_ENV=test. */
function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH!,
    HOME: process.env.HOME ?? os.homedir(),
    LANG: 'C.UTF-8',
  };
  if (process.env.npm_config_cache) env.npm_config_cache = process.env.npm_config_cache;
  return { ...env, ...extra };
}

function run(command: string, cwd: string): void {
  execFileSync('sh', ['-c', command], {
    cwd,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: 900_000,
  });
}

/** The build context: the checkout's files as git sees them (tracked and new, not ignored), minus .dockerignore. */
function copyContext(target: string): void {
  const dockerignore = readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot })
    .toString()
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    if (dockerignore.some((pattern) => file === pattern || file.startsWith(`${pattern}/`))) continue;
    if (!existsSync(path.join(repoRoot, file))) continue; // deleted, not yet committed
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    cpSync(path.join(repoRoot, file), path.join(target, file));
  }
}

async function call(method: string, url: string, options: { body?: unknown; token?: string } = {}) {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: {
      ...(options.body ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read any JSON shape
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // a page
  }
  return { status: res.status, json, text, headers: res.headers };
}

async function until<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs / 1000} s\n--- app output ---\n${appOutput.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const cli = (args: string[]) => runCli(runtimeDir, args, appEnv);

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'bourse-image-'));
  chmodSync(scratch, 0o755);
  const context = path.join(scratch, 'context');
  const stage = path.join(scratch, 'build-stage');
  runtimeDir = path.join(scratch, 'runtime');
  copyContext(context);
  mkdirSync(stage);

  // The build stage, step by step.
  const buildStarted = Date.now();
  for (const step of plan.buildSteps) {
    if (step.op === 'RUN') {
      run(step.command, stage);
      continue;
    }
    for (const source of step.sources) {
      const from = path.join(context, source);
      const to =
        step.sources.length > 1 || step.to === '.'
          ? path.join(stage, step.to, source === '.' ? '' : path.basename(source))
          : path.join(stage, step.to);
      cpSync(from, to, { recursive: true });
    }
  }
  figures.buildStageSeconds = (Date.now() - buildStarted) / 1000;

  // The runtime stage: only what it copies.
  mkdirSync(runtimeDir);
  for (const { from, to } of plan.runtimeCopies) {
    mkdirSync(path.dirname(path.join(runtimeDir, to)), { recursive: true });
    renameSync(path.join(stage, from), path.join(runtimeDir, to));
  }
  rmSync(stage, { recursive: true, force: true });
  rmSync(context, { recursive: true, force: true });

  // External services, as docker-compose runs them beside the app: the app gets a role that owns its database
  // and is not a superuser (what docker/postgres-init/ and the README's production section set up).
  [pg, meili, smtp] = await Promise.all([
    startEmbeddedPostgres({ dataDir: path.join(scratch, 'services'), logger: silent }),
    startEmbeddedMeilisearch({ dataDir: path.join(scratch, 'services'), logger: silent }),
    startSmtpCapture(),
  ]);
  admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create role bourse login password 'bourse-app-password' nosuperuser nocreatedb nocreaterole`);
  await admin.unsafe('create database bourse owner bourse');
  const appDb = new URL(pg.url);
  appDb.username = 'bourse';
  appDb.password = 'bourse-app-password';
  appDb.pathname = '/bourse';

  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  appEnv = cleanEnv({
    ...plan.env,
    // The image listens on 0.0.0.0 inside its own network; here the loopback is enough.
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: appDb.toString(),
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    ORIGIN: baseUrl,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Bourse-projets <ne-pas-repondre@bourse.example.org>',
  });
  const started = Date.now();
  const [command, ...args] = plan.cmd;
  app = spawn(command!, args, { cwd: runtimeDir, env: appEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  app.stdout!.on('data', (c) => (appOutput += c));
  app.stderr!.on('data', (c) => (appOutput += c));
  await until(
    'healthy',
    async () => app.exitCode === null && (await call('GET', '/api/health')).status === 200,
    120_000,
  );
  figures.startToHealthySeconds = (Date.now() - started) / 1000;
}, 1_200_000);

afterAll(async () => {
  if (process.env.PRODUCTION_TEST_FIGURES || process.env.CI)
    process.stdout.write(`production layout figures: ${JSON.stringify(figures)}\n`);
  if (app && app.exitCode === null) {
    const exited = new Promise((r) => app.once('exit', r));
    app.kill('SIGTERM');
    await exited;
  }
  await admin?.end();
  await smtp?.close();
  await Promise.allSettled([pg?.stop(), meili?.stop()]);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}, 120_000);

describe('the production image, replayed from the Dockerfile', () => {
  it('runs only what the runtime stage copies, as its CMD, with NODE_ENV=production', () => {
    expect(plan.env.NODE_ENV).toBe('production');
    expect(
      readdirSync(runtimeDir)
        .filter((f) => f !== '.data')
        .sort(),
    ).toEqual(plan.runtimeCopies.map((c) => c.to.split('/')[0]).sort());
    expect(existsSync(path.join(runtimeDir, 'node_modules/@gaubee'))).toBe(false);
    expect(existsSync(path.join(runtimeDir, 'src'))).toBe(false);
  });

  it('applied the migrations as a role that is not a superuser', async () => {
    const journal = JSON.parse(readFileSync(path.join(runtimeDir, 'drizzle/meta/_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    const appSql = postgres(appEnv.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const [applied] = await appSql<[{ n: number }]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
      expect(applied.n).toBe(journal.entries.length);
      const [role] = await appSql<
        [{ rolsuper: boolean; current_user: string }]
      >`select rolsuper, current_user from pg_roles where rolname = current_user`;
      expect(role).toEqual({ rolsuper: false, current_user: 'bourse' });
    } finally {
      await appSql.end();
    }
  });

  it('loads every French authority by itself, in the background, while health answers', async () => {
    expect((await call('GET', '/api/health')).status).toBe(200);
    const started = Date.now();
    const brest = await until(
      'Brest in the registration search',
      async () =>
        (await call('GET', '/api/v1/auth/french-authorities?q=Brest')).json?.results?.find(
          (r: { officialCode: string }) => r.officialCode === '29019',
        ),
      600_000,
    );
    figures.referenceDataWaitSeconds = (Date.now() - started) / 1000;
    expect(brest).toMatchObject({ name: 'Brest', departement: 'Finistère (29)' });
    expect(appOutput).toMatch(/French authorities loaded/);
    for (const [q, code] of [
      ['Grenoble', '38185'],
      ['Pessac', '33318'],
      ['Montreuil', '93048'],
    ] as const) {
      const { json } = await call('GET', `/api/v1/auth/french-authorities?q=${q}`);
      expect(json.results.map((r: { officialCode: string }) => r.officialCode)).toContain(code);
    }
  }, 660_000);

  it('registers a French commune (Brest) and a foreign one, mails through SMTP, signs in; a request is approved and found', async () => {
    const { json: found } = await call('GET', '/api/v1/auth/french-authorities?q=29019');
    const brest = found.results[0];
    const french = await call('POST', '/api/v1/auth/register', {
      body: {
        kind: 'french',
        authorityId: brest.id,
        email: 'international@brest-example.fr',
        password: PASSWORD,
        displayName: 'Yann Le Gall',
      },
    });
    expect(french.status, french.text).toBe(201);
    const frenchToken = linkToken(
      await smtp.waitFor('international@brest-example.fr', /./, 30_000),
      '/verification-email',
    );
    expect((await call('POST', '/api/v1/auth/verify-email', { body: { token: frenchToken } })).status).toBe(200);
    const signIn = await call('POST', '/api/v1/auth/login', {
      body: { email: 'international@brest-example.fr', password: PASSWORD },
    });
    expect(signIn.status, signIn.text).toBe(200);
    expect((await call('GET', '/api/v1/me', { token: signIn.json.token })).json.user).toMatchObject({
      role: 'french_authority',
      emailVerified: true,
    });

    const foreign = await call('POST', '/api/v1/auth/register', {
      body: {
        kind: 'foreign',
        email: 'maire@commune-tivaouane.sn',
        password: PASSWORD,
        displayName: 'Awa Ndiaye',
        locale: 'fr',
        authority: {
          name: 'Commune de Tivaouane',
          type: 'municipality',
          country: 'SN',
          website: 'commune-tivaouane.sn',
        },
      },
    });
    expect(foreign.status, foreign.text).toBe(201);
    const foreignToken = linkToken(
      await smtp.waitFor('maire@commune-tivaouane.sn', /./, 30_000),
      '/verification-email',
    );
    expect((await call('POST', '/api/v1/auth/verify-email', { body: { token: foreignToken } })).status).toBe(200);

    // The first administrator, as an operator creates it in production.
    const created = await cli(['create-admin', '--email', 'delegation@diplomatie.example.fr', '--name', 'Délégation']);
    expect(created.code, created.err).toBe(0);
    const resetToken = /\/mot-de-passe-oublie\/([a-z2-7]+)/.exec(created.out)![1]!;
    expect(
      (await call('POST', '/api/v1/auth/password-reset/confirm', { body: { token: resetToken, password: PASSWORD } }))
        .status,
    ).toBe(204);
    const adminToken = (
      await call('POST', '/api/v1/auth/login', {
        body: { email: 'delegation@diplomatie.example.fr', password: PASSWORD },
      })
    ).json.token;
    expect(
      (await call('POST', `/api/v1/users/${foreign.json.user.userId}/approve`, { token: adminToken })).status,
    ).toBe(204);

    const foreignSession = (
      await call('POST', '/api/v1/auth/login', { body: { email: 'maire@commune-tivaouane.sn', password: PASSWORD } })
    ).json.token;
    const listing = await call('POST', '/api/v1/listings', {
      token: foreignSession,
      body: {
        originalLanguage: 'fr',
        title: 'Gestion des déchets ménagers de Tivaouane',
        summary: 'Organiser la collecte et le tri des déchets ménagers dans les quartiers périphériques.',
        themes: ['waste'],
        forms: ['thematic_project'],
        contributionTypes: ['expertise'],
        exchangeLanguages: ['fr'],
        durationMonths: 18,
        electedOfficial: { name: 'Awa Ndiaye', title: 'Maire', email: 'awa.ndiaye@example.sn' },
        technicalContact: { name: 'Moussa Diop', email: 'moussa.diop@example.sn' },
      },
    });
    expect(listing.status, listing.text).toBe(201);
    const id = listing.json.id;
    expect((await call('POST', `/api/v1/listings/${id}/submit`, { token: foreignSession })).json).toMatchObject({
      status: 'submitted',
    });
    const decided = await call('POST', `/api/v1/listings/${id}/decision`, {
      token: adminToken,
      body: { decision: 'approve', comment: 'Bienvenue' },
    });
    expect(decided.status, decided.text).toBe(200);
    const hit = await until(
      'the approved request in search',
      async () => {
        const { json } = await call('GET', '/api/v1/search?q=d%C3%A9chets%20Tivaouane');
        return json?.degraded === false && json.hits.find((h: { id: string }) => h.id === id);
      },
      60_000,
    );
    expect(hit.title).toBe('Gestion des déchets ménagers de Tivaouane');
    expect(JSON.stringify(hit)).not.toContain('awa.ndiaye@example.sn');

    // Every mail went through the SMTP server; nothing waits in an outbox folder.
    expect(smtp.mails.length).toBeGreaterThanOrEqual(3);
    expect(
      existsSync(path.join(runtimeDir, '.data/outbox')) ? readdirSync(path.join(runtimeDir, '.data/outbox')) : [],
    ).toEqual([]);
  }, 180_000);

  it('serves the pages, and no /dev/ page exists in production', async () => {
    const home = await call('GET', '/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<html lang="fr"');
    expect((await call('GET', '/dev/outbox')).status).toBe(404);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const exited = new Promise<number | null>((r) => app.once('exit', (code) => r(code)));
    app.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
