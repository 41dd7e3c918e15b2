import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startAppProcess, waitForHealth, type AppProcess } from '../helpers/app-process.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, createUser, TEST_PASSWORD } from '../helpers/fixtures.js';
import { linkToken, startSmtpCapture, type SmtpCapture } from '../helpers/smtp.js';

// The account pages through the built app (`npm run build`), as a browser without JavaScript would use them.
let ctx: TestContext;
let smtp: SmtpCapture;
let app: AppProcess;
let origin: string;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  ctx = await createTestServices();
  app = await startPagesApp();
  origin = app.url.replace('127.0.0.1', 'localhost');
}, 120_000);
afterAll(async () => {
  if (app) {
    app.child.kill('SIGTERM');
    await app.exited;
  }
  await ctx?.cleanup();
  await smtp?.close();
});

/** The built app on this file's database and SMTP capture. */
async function startPagesApp(env: Record<string, string> = {}): Promise<AppProcess> {
  const started = await startAppProcess({
    DATABASE_URL: ctx.databaseUrl,
    MEILI_URL: inject('meiliUrl'),
    MEILI_MASTER_KEY: inject('meiliMasterKey'),
    MEILI_INDEX_PREFIX: ctx.services.config.meiliIndexPrefix,
    SMTP_URL: smtp.url,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    ...env,
  });
  await waitForHealth(started);
  return started;
}

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${app.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    // A browser without JavaScript asks for HTML; with `accept: */*` SvelteKit would answer as to use:enhance (JSON).
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}
const sessionCookie = (res: Response) => /session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? null;

describe('account pages', () => {
  it('serve French forms with security headers', async () => {
    const res = await fetch(`${app.url}/connexion`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('autocomplete="current-password"');
    expect(html).toContain('Mot de passe oublié');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('signs in with the form (no JavaScript), ties a refusal to the password field, and refuses a cross-site post', async () => {
    const user = await createUser(ctx.services, { role: 'french_authority' });
    const wrong = await post('/connexion', { email: user.email, password: 'pas le bon mot de passe' });
    expect(wrong.status).toBe(401);
    const html = await wrong.text();
    expect(html).toContain('Adresse électronique ou mot de passe incorrect.');
    expect(html).toMatch(
      /id="password"[^>]*aria-describedby="password-error"|aria-describedby="password-error"[^>]*id="password"/,
    );

    const crossSite = await post(
      '/connexion',
      { email: user.email, password: TEST_PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    expect(sessionCookie(crossSite)).toBeNull();

    const ok = await post('/connexion', { email: user.email, password: TEST_PASSWORD });
    expect(ok.status).toBe(303);
    // With no page to come back to, each role lands where its work is: a French authority on its suggestions.
    expect(ok.headers.get('location')).toBe('/suggestions');
    const cookie = sessionCookie(ok)!;
    const account = await fetch(`${app.url}/compte`, { headers: { cookie: `session=${cookie}` } });
    expect(account.status).toBe(200);
    expect(await account.text()).toContain(user.email);
  });

  it('sends the anonymous to the sign-in page and hides the dev outbox in production', async () => {
    const res = await fetch(`${app.url}/compte`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/connexion?redirectTo=%2Fcompte');
    expect((await fetch(`${app.url}/dev/outbox`)).status).toBe(404);
  });

  it('registers a foreign authority, then confirms the address from the mailed link', async () => {
    const res = await post('/inscription?collectivite=etrangere&/foreign', {
      'authority.name': 'Commune de Ziguinchor',
      'authority.type': 'municipality',
      'authority.country': 'SN',
      'authority.population': '205 294',
      displayName: 'Fatou Sarr',
      email: 'fatou.sarr@ziguinchor.sn',
      password: 'le fleuve casamance au printemps',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/compte?bienvenue=1');
    const mail = await smtp.waitFor('fatou.sarr@ziguinchor.sn');
    const token = linkToken(mail, '/verification-email');
    // Opening the link spends nothing (mail scanners follow links): it shows a button.
    expect(await (await fetch(`${app.url}/verification-email?token=${token}`)).text()).toContain(
      'Confirmer mon adresse',
    );
    const confirmed = await post('/verification-email?/confirm', { token });
    expect(await confirmed.text()).toContain('Votre adresse est confirmée.');
    const again = await post('/verification-email?/confirm', { token });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('a déjà servi');
  });

  it('finds a French collectivité with a plain GET form and registers with it', async () => {
    const rennes = await createAuthority(ctx.services, {
      kind: 'french',
      country: 'FR',
      type: 'commune',
      name: 'Rennes',
      officialCode: '35238',
      website: 'https://metropole.rennes.fr',
    });
    const html = await (await fetch(`${app.url}/inscription?collectivite=francaise&q=rennes`)).text();
    expect(html).toContain(`value="${rennes.id}"`);
    const res = await post('/inscription?collectivite=francaise&q=rennes&/french', {
      authorityId: rennes.id,
      displayName: 'Yann Le Goff',
      email: 'y.legoff@metropole.rennes.fr',
      password: 'les remparts de saint-malo',
    });
    expect(res.status).toBe(303);
    const token = linkToken(await smtp.waitFor('y.legoff@metropole.rennes.fr'), '/verification-email');
    const confirmed = await post('/verification-email?/confirm', { token });
    expect(await confirmed.text()).toContain('vérifié par le domaine de votre collectivité');
  });

  it('keeps the typed values and names the field when registration is refused', async () => {
    const res = await post('/inscription?collectivite=etrangere&/foreign', {
      'authority.name': 'Municipalidad de Cusco',
      'authority.type': 'municipality',
      'authority.country': 'PE',
      'authority.population': '428 450',
      displayName: 'Luis Quispe',
      email: 'luis@cusco.gob.pe',
      password: 'password1234',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('fait partie des plus courants');
    expect(html).toContain('value="Municipalidad de Cusco"');
    expect(html).toContain('id="password-error"');
  });

  it('asks a foreign authority its population, read as the reader writes it, and normalises its web address', async () => {
    const fields = {
      'authority.name': 'Alcaldía de Popayán',
      'authority.type': 'municipality',
      'authority.country': 'CO',
      'authority.website': 'www.popayan.gov.co',
      displayName: 'Camila Muñoz',
      email: 'camila.munoz@popayan.gov.co',
      password: 'el puente del humilladero',
    };
    const missing = await post('/es/inscription?collectivite=etrangere&/foreign', fields);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('id="authority.population-error"');
    const res = await post('/es/inscription?collectivite=etrangere&/foreign', {
      ...fields,
      'authority.population': '330.000',
    });
    expect(res.status).toBe(303);
    const [row] = await ctx.services.sql<{ population: number; website: string }[]>`
      select population, website from authorities where name = 'Alcaldía de Popayán'`;
    expect(row).toEqual({ population: 330_000, website: 'https://www.popayan.gov.co' });
  });

  it('lets an approved member correct the authority (audited, never over a colleague), a pending one only read', async () => {
    const cuenca = await createAuthority(ctx.services, { kind: 'foreign', country: 'EC', population: null });
    const member = await createUser(ctx.services, { role: 'foreign_authority', authorityId: cuenca.id });
    const pending = await createUser(ctx.services, {
      role: 'foreign_authority',
      authorityId: cuenca.id,
      membership: 'pending',
    });
    const signIn = async (email: string) =>
      `session=${sessionCookie(await post('/connexion', { email, password: TEST_PASSWORD }))}`;
    const cookie = await signIn(member.email);
    const page = await (await fetch(`${app.url}/compte/collectivite`, { headers: { cookie } })).text();
    const version = /name="version" value="([^"]+)"/.exec(page)![1]!;
    const save = (fields: Record<string, string>, who = cookie) =>
      post('/compte/collectivite', fields, { cookie: who });
    const ok = await save({ version, population: '600 000', website: 'cuenca.gob.ec', region: 'Azuay' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/compte/collectivite?enregistre=1');
    const [row] = await ctx.services.sql<{ population: number; website: string; region: string }[]>`
      select population, website, region from authorities where id = ${cuenca.id}`;
    expect(row).toEqual({ population: 600_000, website: 'https://cuenca.gob.ec', region: 'Azuay' });
    const [event] = await ctx.services.sql<{ actor_id: string; details: Record<string, unknown> }[]>`
      select actor_id, details from trust_events where authority_id = ${cuenca.id} and action = 'authority.profile_update'`;
    expect(event).toEqual({
      actor_id: member.id,
      details: {
        before: { population: null, website: null, region: null },
        after: { population: 600_000, website: 'https://cuenca.gob.ec', region: 'Azuay' },
      },
    });
    // The same form sent again from the old page: a colleague's change is not overwritten.
    const stale = await save({ version, population: '1', website: '', region: '' });
    expect(stale.status).toBe(409);
    const reread = await (await fetch(`${app.url}/compte/collectivite`, { headers: { cookie } })).text();
    expect(reread).toContain('600');
    expect(reread).toContain('Dernière modification le');

    const pendingCookie = await signIn(pending.email);
    const readOnly = await (
      await fetch(`${app.url}/compte/collectivite`, { headers: { cookie: pendingCookie } })
    ).text();
    expect(readOnly).not.toContain('name="version"');
    expect(readOnly).toContain('Seuls les membres approuvés');
    expect((await save({ version, population: '2' }, pendingCookie)).status).toBe(403);
  });

  it('resets a password from the mailed link', async () => {
    const user = await createUser(ctx.services, { role: 'foreign_authority' });
    expect((await post('/mot-de-passe-oublie', { email: user.email })).status).toBe(200);
    const token = linkToken(await smtp.waitFor(user.email, /mot de passe/), '/mot-de-passe-oublie/');
    const res = await post(`/mot-de-passe-oublie/${token}`, { password: 'une nouvelle phrase bien longue' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/connexion?reinitialise=1');
    expect((await post('/connexion', { email: user.email, password: 'une nouvelle phrase bien longue' })).status).toBe(
      303,
    );
  });
});

describe('account pages under a flood of posts', () => {
  let limited: AppProcess;
  beforeAll(async () => {
    limited = await startPagesApp({ AUTH_RATE_LIMIT: '3', TRUST_PROXY: 'true' });
  }, 120_000);
  afterAll(async () => {
    limited?.child.kill('SIGTERM');
    await limited?.exited;
  });

  it('answers the post over the limit with the form and a message in the reader’s language, with or without JavaScript', async () => {
    const to = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${limited.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
          origin: limited.url.replace('127.0.0.1', 'localhost'),
          ...headers,
        },
        body: new URLSearchParams({ email: 'personne@example.org', password: 'pas le bon mot de passe' }).toString(),
      });
    // Counts are shared by every instance on the database (rate_limit_windows): forget the other app's.
    await ctx.services.sql`delete from rate_limit_windows`;
    for (let i = 0; i < 3; i++) expect((await to('/mot-de-passe-oublie')).status).toBe(200);

    const refused = await to('/connexion');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await refused.text();
    expect(html).toMatch(/Trop de tentatives\. Réessayez dans \d+ secondes\./);
    expect(html).toContain('id="password"');

    const english = await to('/en/connexion');
    expect(await english.text()).toMatch(/Too many attempts/i);

    // use:enhance posts get SvelteKit's action result, which the page shows in place.
    const enhanced = await to('/connexion', { accept: 'application/json', 'x-sveltekit-action': 'true' });
    const result = await enhanced.json();
    expect(result).toMatchObject({ type: 'failure', status: 429 });
    expect(result.data).toContain('Trop de tentatives');
  });

  it('counts each visitor behind a reverse proxy on their own (TRUST_PROXY), not everyone as the proxy', async () => {
    const from = (address: string) =>
      fetch(`${limited.url}/mot-de-passe-oublie`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
          origin: limited.url.replace('127.0.0.1', 'localhost'),
          'x-forwarded-for': address,
        },
        body: new URLSearchParams({ email: 'personne@example.org' }).toString(),
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await from('203.0.113.7')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await from('203.0.113.8')).status).toBe(200);
  });
});
