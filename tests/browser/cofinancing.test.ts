import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, screenshot, seriousViolations, signIn, useBrowserApp } from './harness.js';

// Issue 17's done-when, in Chromium against the built app with demo data: signed in as Lannion, the Walo request
// (Senegal, water) shows the franco-Senegalese call, the 1 % water through Agence de l'eau Loire-Bretagne and
// FICOL, with reasons; an admin keeps the catalogue in the browser.
const app = useBrowserApp();
let waloPath = '';

beforeAll(async () => {
  const res = await fetch(`${app.url}/api/v1/open-data/listings.json`);
  const walo = (await res.json()).listings.find((l: { title: string }) => l.title.includes('Walo'));
  waloPath = `/demandes/${walo.id}`;
});

const paths = (page: Page) => page.getByTestId('cofinancing-path');
const path = (page: Page, name: string | RegExp) => paths(page).filter({ hasText: name });

describe.sequential('co-financing paths', { timeout: 240_000 }, () => {
  it('Lannion sees, on the Walo request, the franco-Senegalese call, the 1 % water through Loire-Bretagne and FICOL, with reasons', async () => {
    const page = await app.page();
    await signIn(page, DEMO.french.email, DEMO.french.password, waloPath);
    const section = page.getByTestId('cofinancing');
    await expect.poll(() => section.getByRole('heading', { name: 'Pistes de cofinancement' }).isVisible()).toBe(true);
    await expect.poll(() => section.textContent()).toContain('Pistes pour Lannion et cette demande.');
    expect(await section.textContent()).toContain('vérifiez l’éligibilité');

    const senegal = path(page, 'Appel à projets franco-sénégalais');
    expect(await senegal.textContent()).toContain('Appel dédié aux projets avec ce pays : Sénégal.');
    expect(await senegal.textContent()).toMatch(/Clôture le .* \(dans 14 jours\)/);
    expect(await senegal.textContent()).toContain('Jusqu’à 70 % de cofinancement');
    expect(await senegal.textContent()).toContain('Dates indicatives, à confirmer');

    const agency = path(page, 'Agence de l’eau Loire-Bretagne');
    expect(await agency.textContent()).toContain('Votre département (22) relève du bassin de cette agence de l’eau.');
    expect(await agency.getByRole('link').getAttribute('href')).toBe('https://agence.eau-loire-bretagne.fr');
    expect(await path(page, 'Agence de l’eau Seine-Normandie').count()).toBe(0);

    const ficol = path(page, 'FICOL');
    expect(await ficol.textContent()).toContain('Votre type de collectivité peut en bénéficier : commune.');

    // Support beside the paths: Brittany's RRMA, named by a cited source.
    expect(await page.getByTestId('support-contact').first().textContent()).toContain('Réseau Bretagne Solidaire');
    await screenshot(page, 'cofinancing-walo-lannion');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the country page lists the calls made for that country; a French authority has a public page with who helps it', async () => {
    const page = await app.page();
    await page.goto('/pays/SN');
    const calls = page.getByTestId('country-calls');
    expect(await calls.textContent()).toContain('Appel à projets franco-sénégalais');
    expect(await calls.textContent()).not.toContain('franco-marocain');
    expect(await seriousViolations(page)).toEqual([]);

    const lannion = await app.page();
    await signIn(lannion, DEMO.french.email, DEMO.french.password);
    const me = await (await lannion.request.get('/api/v1/me')).json();
    const visitor = await app.page();
    await visitor.goto(`/collectivites/${me.user.authorityId}`);
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe('Lannion');
    expect(await visitor.textContent('body')).toContain('Agence de l’eau Loire-Bretagne');
    expect(await visitor.textContent('body')).toContain('Réseau Bretagne Solidaire');
    expect(await seriousViolations(visitor)).toEqual([]);
    await screenshot(visitor, 'cofinancing-authority-page');
    expect((await visitor.goto('/collectivites/not-an-id'))!.status()).toBe(404);
  });

  it('an anonymous reader sees the request’s own paths and is told what signing in adds', async () => {
    const page = await app.page({ javaScript: false });
    await page.goto(waloPath);
    expect(await page.getByTestId('cofinancing').textContent()).toContain('agence de l’eau de votre bassin');
    expect(await path(page, 'Agence de l’eau Loire-Bretagne').count()).toBe(0);
    expect(await path(page, '1 % eau et assainissement').count()).toBe(1);
  });

  it('an admin closes FICOL in the catalogue: it is no longer offered; reopening brings it back', async () => {
    const admin = await app.page();
    await signIn(admin, DEMO.admin.email, DEMO.admin.password, '/admin/cofinancement');
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.getByRole('link', { name: /FICOL/ }).click();
    await admin.waitForURL(/\/admin\/cofinancement\/[0-9a-f-]{36}$/);
    await admin.getByRole('button', { name: 'Fermer ce programme' }).click();
    await expect.poll(() => admin.getByRole('button', { name: 'Rouvrir ce programme' }).isVisible()).toBe(true);
    expect(await seriousViolations(admin)).toEqual([]);
    await screenshot(admin, 'cofinancing-admin-programme-closed');

    const lannion = await app.page();
    await signIn(lannion, DEMO.french.email, DEMO.french.password, waloPath);
    expect(await path(lannion, 'FICOL').count()).toBe(0);

    await admin.getByRole('button', { name: 'Rouvrir ce programme' }).click();
    await expect.poll(() => admin.getByRole('button', { name: 'Fermer ce programme' }).isVisible()).toBe(true);
    await lannion.reload();
    expect(await path(lannion, 'FICOL').count()).toBe(1);
  });

  it('an admin edits a call’s closing date; a wrong date gets a message on its field, nothing is saved', async () => {
    const admin = await app.page();
    await signIn(admin, DEMO.admin.email, DEMO.admin.password, '/admin/cofinancement');
    await admin.getByRole('link', { name: 'Appel à projets franco-marocain' }).click();
    await admin.waitForURL(/\/admin\/cofinancement\/[0-9a-f-]{36}$/);
    await admin.locator('#maxRatePercent').fill('150');
    await admin.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => admin.locator('#maxRatePercent').getAttribute('aria-invalid')).toBe('true');
    await admin.reload();
    expect(await admin.locator('#maxRatePercent').inputValue()).toBe('70');
    await admin.locator('#maxRatePercent').fill('60');
    await admin.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => admin.getByRole('status').first().textContent()).toContain('Programme enregistré.');
    await admin.reload();
    expect(await admin.locator('#maxRatePercent').inputValue()).toBe('60');
    expect(await admin.locator('#history-title + ul').textContent()).toContain('Version 2 — edit');
    await screenshot(admin, 'cofinancing-admin-edit');
  });
});
