import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countryContacts, trustEvents } from '../../src/lib/server/db/schema/index.js';
import { startAppProcess, waitForHealth, type AppProcess } from '../helpers/app-process.js';
import { snapshotBuild } from '../helpers/built-app.js';
import { createUser, TEST_PASSWORD } from '../helpers/fixtures.js';
import { createTestServices, type TestContext } from '../helpers/services.js';

/**
 * The country page's institutional contact through the built app, as a browser without JavaScript: anonymous
 * visitors see the fallback line, then the embassy service once its correspondent has saved it through the page's
 * form (post/redirect/get, errors on the field); a correspondent of another country gets no form and is refused.
 */
let ctx: TestContext;
let app: AppProcess;
let build: Awaited<ReturnType<typeof snapshotBuild>> | undefined;
let origin: string;
const cookie = {} as Record<'sn' | 'ma', string>;
const SERVICE = "Service de coopération et d'action culturelle, Ambassade de France au Sénégal";
const CORRESPONDENT_EMAIL = 'awa.ndiaye.perso@example.org';

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${app.url}/connexion`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin },
    body: new URLSearchParams({ email, password: TEST_PASSWORD }).toString(),
  });
  const session = /session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!session) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return session;
}

async function page(session: string | null, pathname: string, form?: Record<string, string>) {
  const res = await fetch(`${app.url}${pathname}`, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      accept: 'text/html',
      origin,
      ...(session ? { cookie: `session=${session}` } : {}),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  return { status: res.status, location: res.headers.get('location') ?? '', html: await res.text() };
}

/** The contact section of the page, as text between its tags (the rest of the page is not under test). */
function contactSection(html: string): string {
  const match = /<section[^>]*data-testid="country-contact"[^>]*>([\s\S]*?)<\/section>/.exec(html);
  if (!match) throw new Error('no contact section on the page');
  return match[1]!;
}

const GOOD = {
  version: '0',
  serviceName: SERVICE,
  email: 'scac.dakar@diplomatie.gouv.fr',
  phone: '+221 33 839 51 00',
  website: 'https://sn.ambafrance.org/',
};

beforeAll(async () => {
  ctx = await createTestServices();
  const s = ctx.services;
  const sn = await createUser(s, {
    role: 'correspondent',
    countries: ['SN'],
    email: CORRESPONDENT_EMAIL,
  });
  const ma = await createUser(s, { role: 'correspondent', countries: ['MA'] });
  build = await snapshotBuild();
  app = await startAppProcess(
    {
      DATABASE_URL: ctx.databaseUrl,
      MEILI_URL: inject('meiliUrl'),
      MEILI_MASTER_KEY: inject('meiliMasterKey'),
      MEILI_INDEX_PREFIX: ctx.services.indexPrefix,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'bourse-country-contact-')),
      LOG_LEVEL: 'error',
      AUTH_RATE_LIMIT: '0',
      SEARCH_RATE_LIMIT: '0',
    },
    build.root,
  );
  await waitForHealth(app);
  origin = app.url.replace('127.0.0.1', 'localhost');
  cookie.sn = await signIn(sn.email);
  cookie.ma = await signIn(ma.email);
}, 300_000);
afterAll(async () => {
  if (app) {
    app.child.kill('SIGTERM');
    await app.exited;
  }
  build?.remove();
  await ctx?.cleanup();
});

describe('the institutional contact on /pays/:code', () => {
  it('shows the fallback line to anonymous visitors before any contact is set, and no form', async () => {
    const res = await page(null, '/pays/SN');
    expect(res.status).toBe(200);
    const section = contactSection(res.html);
    expect(section).toContain("Contact institutionnel de l'ambassade");
    expect(section).toContain("n'a pas encore indiqué de contact institutionnel pour ce pays.");
    expect(section).not.toContain('name="serviceName"');
  });

  it('a correspondent of another country gets no form and a refusal when posting anyway', async () => {
    expect(contactSection((await page(cookie.ma, '/pays/SN')).html)).not.toContain('name="serviceName"');
    const res = await page(cookie.ma, '/pays/SN?/contact', GOOD);
    expect(res.status).toBe(403);
    expect(contactSection(res.html)).toMatch(/role="alert"[\s\S]*<p>[^<]+<\/p>/);
    // Signed out meanwhile: the page says so where the form was, rather than showing the page unchanged.
    const anonymous = await page(null, '/pays/SN?/contact', GOOD);
    expect(anonymous.status).toBe(401);
    expect(contactSection(anonymous.html)).toContain('Connectez-vous pour continuer.');
    expect(await ctx.services.db.select().from(countryContacts)).toHaveLength(0);
  });

  it('the correspondent of the country is told what is wrong on the field, and nothing is written', async () => {
    expect(contactSection((await page(cookie.sn, '/pays/SN')).html)).toContain('name="serviceName"');
    const badEmail = await page(cookie.sn, '/pays/SN?/contact', { ...GOOD, email: 'scac.dakar' });
    expect(badEmail.status).toBe(400);
    const emailSection = contactSection(badEmail.html);
    // On the field itself (tied to it by aria-describedby), not only in the summary at the top.
    expect(emailSection).toMatch(/id="contact-email-error"[^>]*>Cette adresse électronique n'est pas valide\./);
    // The form keeps what was typed, so nothing has to be typed again.
    expect(emailSection).toContain('value="scac.dakar"');
    const badPhone = await page(cookie.sn, '/pays/SN?/contact', { ...GOOD, phone: 'appelez-nous' });
    expect(badPhone.status).toBe(400);
    expect(contactSection(badPhone.html)).toMatch(/id="contact-phone-error"[^>]*>Saisissez un numéro de téléphone/);
    const badSite = await page(cookie.sn, '/pays/SN?/contact', { ...GOOD, website: 'javascript:alert(1)' });
    expect(badSite.status).toBe(400);
    expect(await ctx.services.db.select().from(countryContacts)).toHaveLength(0);
  });

  it('once saved (post/redirect/get), everyone sees the service on the country page, never the person', async () => {
    const saved = await page(cookie.sn, '/pays/SN?/contact', GOOD);
    expect(saved.status).toBe(303);
    expect(saved.location).toMatch(/^\/pays\/SN\?contact-enregistre=1/);
    expect(contactSection((await page(cookie.sn, saved.location)).html)).toContain(
      'Le contact institutionnel a été enregistré.',
    );

    const anonymous = await page(null, '/pays/SN');
    expect(anonymous.status).toBe(200);
    const section = contactSection(anonymous.html);
    expect(section).toContain(SERVICE);
    expect(section).toContain('href="mailto:scac.dakar@diplomatie.gouv.fr"');
    expect(section).toContain('href="tel:+221338395100"');
    expect(section).toContain('href="https://sn.ambafrance.org"');
    expect(section).not.toContain('name="serviceName"');
    expect(anonymous.html).not.toContain(CORRESPONDENT_EMAIL);
    expect(anonymous.html).not.toContain('Test correspondent');
    // Another country still shows its fallback line.
    expect(contactSection((await page(null, '/pays/MA')).html)).not.toContain('mailto:');

    const [event] = await ctx.services.db
      .select()
      .from(trustEvents)
      .where(eq(trustEvents.action, 'country_contact.update'));
    expect(event).toMatchObject({ actorRole: 'correspondent' });
  });

  it('a save from a form opened before the last save is refused, not applied', async () => {
    const stale = await page(cookie.sn, '/pays/SN?/contact', { ...GOOD, serviceName: 'Ambassade de France' });
    expect(stale.status).toBe(409);
    const [row] = await ctx.services.db.select().from(countryContacts);
    expect(row).toMatchObject({ serviceName: SERVICE, version: 1 });
  });
});
