import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/api/app.js';
import { startAppProcess, type AppProcess } from '../helpers/app-process.js';
import { builtApp } from '../helpers/run-build.js';
import { startBuiltAppOn, pageSession } from '../helpers/pages-app.js';
import { createAuthority, createUser, login } from '../helpers/fixtures.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { draftBody } from '../listings/world.js';

/**
 * Hostile input on the pages (the built app), as `api-fuzz.test.ts` does for the API: every page's query string,
 * every path id and every form action, with hand-edited and hostile values, as anonymous and as each role. A
 * refusal is a 4xx page (or a form message); a 500 is a failure. Also: domain errors on pages get their own
 * status — 404 for a hand-edited id, 503 with Retry-After when search is saturated.
 */
let ctx: TestContext;
let api: FastifyInstance;
let app: AppProcess;
let stop: (() => Promise<void>) | undefined;
const ids = { listing: '', draft: '', conversation: '', pendingUser: '', authority: '' };
const cookies: Record<string, string> = {};
let origin: string;

beforeAll(async () => {
  ctx = await createTestServices();
  api = await createServer(ctx.services);
  const s = ctx.services;
  const senegal = await createAuthority(s, { kind: 'foreign', country: 'SN', name: 'Commune de Ziguinchor' });
  const podor = await createAuthority(s, {
    kind: 'foreign',
    country: 'SN',
    name: 'Commune de Podor',
    verifiedAt: null,
  });
  const lannion = await createAuthority(s, { kind: 'french', country: 'FR', name: 'Lannion', type: 'commune' });
  ids.authority = podor.id;
  const people = {
    foreign: await createUser(s, { role: 'foreign_authority', authorityId: senegal.id }),
    french: await createUser(s, { role: 'french_authority', authorityId: lannion.id }),
    correspondent: await createUser(s, { role: 'correspondent', countries: ['SN'] }),
    admin: await createUser(s, { role: 'admin' }),
  };
  const pending = await createUser(s, { role: 'foreign_authority', authorityId: podor.id });
  ids.pendingUser = pending.id;
  const author = await login(api, people.foreign.email);
  const created = await api.inject({ method: 'POST', url: '/api/v1/listings', headers: author, payload: draftBody() });
  ids.listing = created.json().id;
  await api.inject({ method: 'POST', url: `/api/v1/listings/${ids.listing}/submit`, headers: author });
  await api.inject({
    method: 'POST',
    url: `/api/v1/listings/${ids.listing}/decision`,
    headers: await login(api, people.correspondent.email),
    payload: { decision: 'approve' },
  });
  ids.draft = (
    await api.inject({ method: 'POST', url: '/api/v1/listings', headers: author, payload: draftBody() })
  ).json().id;
  const interest = await api.inject({
    method: 'POST',
    url: '/api/v1/conversations',
    headers: await login(api, people.french.email),
    payload: { listingId: ids.listing, message: 'Bonjour, nous sommes intéressés.' },
  });
  ids.conversation = interest.json().conversationId;

  ({ app, stop } = await startBuiltAppOn(ctx, { LOG_LEVEL: 'error' }));
  origin = app.url.replace('127.0.0.1', 'localhost');
  for (const [role, person] of Object.entries(people))
    cookies[role] = await pageSession(app.url, person.email, { origin });
}, 240_000);
afterAll(async () => {
  await stop?.();
  await api?.close();
  await ctx?.cleanup();
});

/** Values a person editing a URL or a form by hand (or a script) sends; the raw ones are written pre-encoded. */
const VALUES: Array<{ name: string; encoded: string }> = [
  ...[
    '-'.repeat(36),
    '00000000-0000-0000-0000-000000000000',
    '<script>alert(1)</script>',
    "' or 1=1 --",
    '-1',
    '1e309',
    '99999999999999999999999',
    '{"a":[1]}',
    '__proto__',
    '\u202Eevil',
    'x'.repeat(5000),
    '\u0000',
    '\u0001\u001f\u007f',
  ].map((v) => ({
    name: JSON.stringify(v.length > 40 ? `${v.slice(0, 10)}…(${v.length})` : v),
    encoded: encodeURIComponent(v),
  })),
  { name: 'lone surrogate', encoded: '%ED%A0%80' },
  { name: 'malformed escape', encoded: '%E0%A4%A' },
  { name: 'lone %', encoded: '%' },
  { name: 'overlong /', encoded: '%C0%AF' },
];
const PARAMS = [
  'q',
  'page',
  'country',
  'theme',
  'continent',
  'form',
  'authorityType',
  'population',
  'language',
  'sort',
  'hitsPerPage',
  'etape',
  'pays',
  'nature',
  'etat',
  'collectivite',
  'token',
  't',
  'u',
  'redirectTo',
  'decision',
  'envoyee',
  'bienvenue',
  'reinitialise',
  'id',
  'userId',
  'step',
  'anciennete',
  'verifiees',
  'fait',
  'domaine',
  'nombre',
  'collectivites',
];
const ROLES = ['anonymous', 'foreign', 'french', 'correspondent', 'admin'] as const;

function pages(): string[] {
  return [
    '/',
    '/en',
    '/recherche',
    '/pays',
    '/pays/SN',
    '/statistiques',
    `/demandes/${ids.listing}`,
    `/demandes/${ids.listing}/reconfirmer`,
    '/alertes',
    '/compte',
    '/connexion',
    '/deconnexion',
    '/echanges',
    `/echanges/${ids.conversation}`,
    '/inscription',
    '/mes-demandes',
    `/mes-demandes/${ids.draft}`,
    `/mes-demandes/${ids.draft}/modifier`,
    '/mes-demandes/nouvelle',
    '/moderation',
    `/moderation/${ids.listing}`,
    '/moderation/comptes',
    '/moderation/demandes',
    '/mot-de-passe-oublie',
    '/suggestions',
    '/verification-email',
    '/admin',
    '/admin/correspondants',
    '/admin/comptes-francais',
    '/admin/referentiels',
    '/dev/outbox',
  ];
}
/** Pages whose path carries an id or a token, with `*` where the hostile value goes. */
const PATH_IDS = [
  '/pays/*',
  '/demandes/*',
  '/demandes/*/reconfirmer',
  '/echanges/*',
  '/mes-demandes/*',
  '/mes-demandes/*/modifier',
  '/moderation/*',
  '/invitation/*',
  '/mot-de-passe-oublie/*',
  '/alertes/desabonnement/*',
];

/** Every form action with the fields it reads (actions without input, like "sign out everywhere", are left out). */
function actions(): Array<{ path: string; action: string | null; fields: string[] }> {
  return [
    { path: `/demandes/${ids.listing}`, action: 'interest', fields: ['message'] },
    { path: `/demandes/${ids.listing}/reconfirmer`, action: null, fields: ['t', 'u'] },
    { path: '/alertes', action: 'create', fields: ['name', 'query', 'frequency'] },
    { path: '/alertes', action: 'toggle', fields: ['id', 'active'] },
    { path: '/alertes', action: 'delete', fields: ['id'] },
    { path: '/admin/correspondants', action: 'invite', fields: ['email', 'role', 'countries'] },
    { path: '/verification-email', action: 'confirm', fields: ['token'] },
    { path: '/verification-email', action: 'resend', fields: [] },
    { path: '/connexion', action: null, fields: ['email', 'password', 'redirectTo'] },
    { path: `/echanges/${ids.conversation}`, action: 'reply', fields: ['message'] },
    { path: `/echanges/${ids.conversation}`, action: 'share', fields: ['share'] },
    { path: '/moderation/comptes', action: 'verify', fields: ['authorityId'] },
    { path: '/moderation/comptes', action: 'approve', fields: ['userId'] },
    { path: '/moderation/comptes', action: 'reject', fields: ['userId', 'reason'] },
    { path: '/moderation/comptes', action: 'deleteSpam', fields: ['userIds'] },
    { path: '/moderation/comptes', action: 'merge', fields: ['duplicateId', 'keepId'] },
    { path: '/admin/comptes-francais', action: 'approve', fields: ['userId'] },
    { path: '/admin/comptes-francais', action: 'reject', fields: ['userId', 'reason'] },
    { path: '/admin/comptes-francais', action: 'recordDomain', fields: ['authorityId', 'userId', 'domain'] },
    { path: '/compte', action: 'approve', fields: ['userId'] },
    { path: '/compte', action: 'reject', fields: ['userId', 'reason'] },
    { path: `/moderation/${ids.listing}`, action: 'decide', fields: ['decision', 'comment', 'version'] },
    { path: `/moderation/${ids.listing}`, action: 'verify', fields: ['authorityId'] },
    { path: '/mot-de-passe-oublie', action: null, fields: ['email'] },
    { path: '/mot-de-passe-oublie/abcdefghijklmnopqrstuvwxyz234567abcdefgh', action: null, fields: ['password'] },
    {
      path: '/invitation/abcdefghijklmnopqrstuvwxyz234567abcdefgh',
      action: null,
      fields: ['displayName', 'jobTitle', 'password'],
    },
    { path: '/suggestions', action: 'themes', fields: ['themes'] },
    { path: '/compte', action: 'profile', fields: ['displayName', 'jobTitle', 'locale'] },
    { path: '/compte', action: 'password', fields: ['currentPassword', 'newPassword'] },
    { path: '/compte', action: 'revokeSession', fields: ['sessionId'] },
    { path: '/compte', action: 'invite', fields: ['inviteEmail'] },
    { path: '/compte', action: 'delete', fields: ['deletePassword'] },
    { path: `/mes-demandes/${ids.listing}`, action: 'reconfirm', fields: ['version'] },
    { path: `/mes-demandes/${ids.listing}`, action: 'match', fields: ['comment', 'version', 'partnerId'] },
    { path: `/mes-demandes/${ids.listing}`, action: 'archive', fields: ['comment', 'version'] },
    {
      path: `/mes-demandes/${ids.draft}/modifier`,
      action: 'save',
      fields: ['intent', 'step', 'version', 'title', 'summary', 'themes', 'budgetEur', 'durationMonths'],
    },
    { path: `/mes-demandes/${ids.draft}/modifier`, action: 'submit', fields: ['version'] },
    { path: '/mes-demandes/nouvelle', action: null, fields: ['originalLanguage', 'title', 'summary', 'authorityId'] },
    { path: '/inscription', action: 'french', fields: ['email', 'password', 'displayName', 'jobTitle', 'authorityId'] },
    {
      path: '/inscription',
      action: 'foreign',
      fields: [
        'email',
        'password',
        'displayName',
        'authority.name',
        'authority.type',
        'authority.country',
        'authority.region',
        'authority.website',
        'authority.population',
      ],
    },
  ];
}

type Failure = { what: string; status: number };

/** Runs the requests a few at a time (the machine is shared) and keeps the answers that are server errors. */
async function sweep(
  requests: Array<{ what: string; run: () => Promise<Response> }>,
): Promise<{ failures: Failure[]; count: number }> {
  const failures: Failure[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      const res = await request.run();
      await res.arrayBuffer();
      // A 503 with Retry-After is the admission control saying "busy", not a failure of this input.
      if (res.status >= 500 && !(res.status === 503 && res.headers.get('retry-after')))
        failures.push({ what: request.what, status: res.status });
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return { failures, count: requests.length };
}

const headersFor = (role: (typeof ROLES)[number]): Record<string, string> => ({
  accept: 'text/html',
  ...(role === 'anonymous' ? {} : { cookie: `session=${cookies[role]}` }),
});

describe('hostile input on pages', () => {
  it('every page, hostile values in every query parameter, as anyone: no 5xx', async () => {
    const requests = pages().flatMap((page) =>
      ROLES.flatMap((role) =>
        VALUES.map((value) => {
          // A huge value goes in one parameter only: 28 × 5 kB would exceed Node's 16 kB header limit (connection reset).
          const params = value.encoded.length > 1000 ? ['q', 'page'] : PARAMS;
          const url = `${page}?${params.map((p) => `${p}=${value.encoded}`).join('&')}&${PARAMS[0]}=${value.encoded}`;
          return {
            what: `GET ${page} ${value.name} as ${role}`,
            run: () => fetch(`${app.url}${url}`, { redirect: 'manual', headers: headersFor(role) }),
          };
        }),
      ),
    );
    // __data.json (client-side navigation) takes the same query string.
    for (const page of ['/recherche', '/pays/SN', '/moderation/comptes', '/mes-demandes']) {
      for (const value of VALUES) {
        requests.push({
          what: `GET ${page}/__data.json ${value.name}`,
          run: () =>
            fetch(
              `${app.url}${page}/__data.json?${(value.encoded.length > 1000 ? ['q'] : PARAMS).map((p) => `${p}=${value.encoded}`).join('&')}`,
              { headers: headersFor('correspondent') },
            ),
        });
      }
    }
    const { failures, count } = await sweep(requests);
    expect(count).toBeGreaterThan(2000);
    expect(failures, JSON.stringify(failures.slice(0, 20), null, 1)).toEqual([]);
  }, 900_000);

  it('hand-edited ids and tokens in paths: 4xx, never 5xx', async () => {
    const requests = PATH_IDS.flatMap((pattern) =>
      ROLES.flatMap((role) =>
        VALUES.map((value) => ({
          what: `GET ${pattern} = ${value.name} as ${role}`,
          run: () =>
            fetch(`${app.url}${pattern.replace('*', value.encoded)}`, {
              redirect: 'manual',
              headers: headersFor(role),
            }),
        })),
      ),
    );
    const { failures } = await sweep(requests);
    expect(failures, JSON.stringify(failures.slice(0, 20), null, 1)).toEqual([]);
    // An id of 36 hyphens is "not found", not a database error.
    for (const page of [
      '/moderation/' + '-'.repeat(36),
      '/mes-demandes/' + '-'.repeat(36),
      '/demandes/' + '-'.repeat(36),
    ]) {
      const res = await fetch(`${app.url}${page}`, {
        redirect: 'manual',
        headers: headersFor(page.startsWith('/moderation') ? 'correspondent' : 'foreign'),
      });
      expect(res.status, page).toBe(404);
    }
  }, 600_000);

  it('every form action, hostile values in every field, as anyone: no 5xx', async () => {
    const requests = actions().flatMap(({ path: page, action, fields }) =>
      ROLES.flatMap((role) =>
        VALUES.filter((_, i) => i % 2 === 0 || i >= VALUES.length - 4).map((value) => ({
          what: `POST ${page}?/${action ?? ''} ${value.name} as ${role}`,
          run: () =>
            fetch(`${app.url}${page}${action ? `?/${action}` : ''}`, {
              method: 'POST',
              redirect: 'manual',
              headers: { ...headersFor(role), 'content-type': 'application/x-www-form-urlencoded', origin },
              body: [...fields, 'extra'].map((f) => `${encodeURIComponent(f)}=${value.encoded}`).join('&'),
            }),
        })),
      ),
    );
    const { failures } = await sweep(requests);
    expect(failures, JSON.stringify(failures.slice(0, 20), null, 1)).toEqual([]);
  }, 900_000);

  it('the reported cases: an id of 36 hyphens in /moderation/comptes is refused as not found', async () => {
    for (const field of ['userId', 'authorityId']) {
      const action = field === 'userId' ? 'approve' : 'verify';
      const res = await fetch(`${app.url}/moderation/comptes?/${action}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...headersFor('correspondent'), 'content-type': 'application/x-www-form-urlencoded', origin },
        body: `${field}=${'-'.repeat(36)}`,
      });
      expect(res.status, field).toBe(404);
      expect(await res.text()).toContain('Introuvable');
    }
  });
});

describe('search saturated on pages', () => {
  it('with the fallback searches all busy, /recherche and /pays/:code answer 503 with Retry-After, not 500', async () => {
    // A second app whose Meilisearch is unreachable: every search falls back to PostgreSQL, where a lock holds them.
    const build = await builtApp();
    const saturated = await startAppProcess(
      {
        DATABASE_URL: ctx.databaseUrl,
        MEILI_URL: 'http://127.0.0.1:9',
        MEILI_MASTER_KEY: 'x'.repeat(24),
        MEILI_INDEX_PREFIX: ctx.services.indexPrefix,
        DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'bourse-pages-503-')),
        LOG_LEVEL: 'warn',
        SEARCH_RATE_LIMIT: '0',
      },
      build.root,
    );
    const blocker = postgres(ctx.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      for (
        let i = 0;
        i < 600 &&
        (await fetch(`${saturated.url}/api/v1/taxonomies`)
          .then((r) => r.status)
          .catch(() => 0)) !== 200;
        i++
      )
        await new Promise((r) => setTimeout(r, 200));
      const reserved = await blocker.reserve();
      await reserved`begin`;
      await reserved`lock table listings in access exclusive mode`;
      const held = Array.from({ length: 4 }, (_, i) =>
        fetch(`${saturated.url}/api/v1/search?q=eau${i}`).catch(() => null),
      );
      await new Promise((r) => setTimeout(r, 1_500));
      const page = await fetch(`${saturated.url}/recherche?q=eau`, { headers: { accept: 'text/html' } });
      const country = await fetch(`${saturated.url}/en/pays/SN`, { headers: { accept: 'text/html' } });
      const apiSearch = await fetch(`${saturated.url}/api/v1/search?q=eau`);
      await reserved`rollback`;
      reserved.release();
      await Promise.all(held);
      expect(page.status, saturated.output().slice(-3000)).toBe(503);
      expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await page.text()).toContain('Service momentanément indisponible');
      expect(country.status).toBe(503);
      expect(await country.text()).toContain('Service temporarily unavailable');
      expect(apiSearch.status).toBe(503);
      expect(Number(apiSearch.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await blocker.end();
      saturated.child.kill('SIGTERM');
      await saturated.exited;
      build.remove();
    }
  }, 180_000);
});
