import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, screenshot, seriousViolations, signIn, startBrowserApp, type BrowserApp } from './harness.js';

// Issue 13's done-when: the French accounts queue works in the browser for an admin (with and without JavaScript),
// and the correspondent's queue shows who waits, oldest first, with what to decide on.
let app: BrowserApp;
const people: Record<string, string> = {};

async function registerFrench(town: string, email: string, displayName: string) {
  const found = await (await fetch(`${app.url}/api/v1/auth/french-authorities?q=${encodeURIComponent(town)}`)).json();
  const authority = found.results.find((r: { name: string }) => r.name === town);
  if (!authority) throw new Error(`${town} is not among the demo's French collectivités: ${JSON.stringify(found)}`);
  const res = await fetch(`${app.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'french',
      authorityId: authority.id,
      email,
      displayName,
      password: 'une phrase de passe assez longue',
    }),
  });
  if (res.status !== 201) throw new Error(`registration of ${email}: ${res.status} ${await res.text()}`);
  people[email] = (await res.json()).user.userId;
}

beforeAll(async () => {
  app = await startBrowserApp();
  await registerFrench('Rennes', 'c.morvan@mairie-rennes.fr', 'Claire Morvan');
  await registerFrench('Nantes', 'jumelage.nantes@gmail.com', 'Yann Le Bihan');
  const res = await fetch(`${app.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'foreign',
      email: 'maire@kedougou.example.sn',
      password: 'une phrase de passe assez longue',
      displayName: 'Fatou Sow',
      authority: { name: 'Commune de Kédougou', type: 'municipality', country: 'SN' },
      createAnyway: true,
    }),
  });
  expect(res.status).toBe(201);
}, 180_000);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') console.error(await app.failureReport());
});
afterAll(async () => {
  await app?.close();
}, 60_000);

const item = (page: import('playwright-core').Page, text: string) =>
  page.getByTestId('queue-item').filter({ hasText: text });

describe.sequential('accounts queues in the browser', { timeout: 240_000 }, () => {
  it('an admin sees the French accounts queue: collectivité, code, département, email domain, known domains', async () => {
    const page = await app.page();
    await signIn(page, DEMO.admin.email, DEMO.admin.password, '/admin/comptes-francais');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Comptes des collectivités françaises');
    const rennes = item(page, 'Claire Morvan');
    expect(await rennes.textContent()).toContain('c.morvan@mairie-rennes.fr');
    expect(await rennes.textContent()).toContain('35238');
    expect(await rennes.locator('dd').nth(2).textContent()).toBe('35');
    expect(await rennes.textContent()).toContain('mairie-rennes.fr');
    expect(await rennes.textContent()).toContain('aucun');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-french-accounts-queue');
  });

  it('without JavaScript: records a domain, rejects with a reason, approves — each decision announced', async () => {
    const page = await app.page({ javaScript: false });
    await signIn(page, DEMO.admin.email, DEMO.admin.password, '/admin/comptes-francais');
    // Recording the domain: Claire's address is not verified yet, so nobody is approved now (she will be once she is).
    await item(page, 'Claire Morvan')
      .getByRole('button', { name: /Enregistrer le domaine/ })
      .click();
    await page.waitForURL(/fait=domaine/);
    expect(await page.getByRole('status').first().textContent()).toContain('Domaine mairie-rennes.fr enregistré.');
    expect(await item(page, 'Claire Morvan').textContent()).toMatch(
      /Domaines connus de la collectivité\s*mairie-rennes\.fr/,
    );

    // Rejecting needs a reason: an empty one is refused by the form, a real one reaches the person.
    const yann = item(page, 'Yann Le Bihan');
    await yann.getByLabel(/Motif du refus/).fill('Adresse personnelle : écrivez depuis l’adresse de la mairie.');
    await yann.getByRole('button', { name: /Refuser/ }).click();
    await page.waitForURL(/fait=refuse/);
    expect(await page.getByRole('status').first().textContent()).toContain('la personne reçoit le motif par courriel');
    expect(await item(page, 'Yann Le Bihan').count()).toBe(0);

    await item(page, 'Claire Morvan')
      .getByRole('button', { name: /^Approuver/ })
      .click();
    await page.waitForURL(/fait=approuve/);
    expect(await item(page, 'Claire Morvan').count()).toBe(0);
    await screenshot(page, 'admin-french-accounts-queue-after');

    await page.goto('/admin/comptes-francais?etat=rejected');
    expect(await item(page, 'Yann Le Bihan').textContent()).toContain('Adresse personnelle');
  });

  it('in English and Spanish too', async () => {
    const page = await app.page({ javaScript: false });
    await signIn(page, DEMO.admin.email, DEMO.admin.password, '/admin/comptes-francais');
    await page.goto('/en/admin/comptes-francais?etat=rejected');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('French local authorities’ accounts');
    await page.goto('/es/admin/comptes-francais');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Cuentas de las colectividades francesas');
  });

  it('the correspondent’s queue: the new authority with its first member, one decision approves and verifies', async () => {
    const page = await app.page();
    await signIn(page, DEMO.correspondent.email, DEMO.correspondent.password, '/moderation/comptes');
    const fatou = item(page, 'Fatou Sow');
    expect(await fatou.textContent()).toContain('Commune de Kédougou');
    expect(await fatou.textContent()).toContain('collectivité non vérifiée');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'moderation-accounts-queue');
    await fatou.getByRole('button', { name: /Approuver et vérifier la collectivité/ }).click();
    await page.waitForURL(/fait=approuve/);
    await expect.poll(() => item(page, 'Fatou Sow').count()).toBe(0);
  });
});
