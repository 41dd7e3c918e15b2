import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, screenshot, seriousViolations, signIn, startBrowserApp, type BrowserApp } from './harness.js';

// Issue 17: partnerships declared, confirmed and ended in the browser (without JavaScript), including with a
// foreign authority that has no account; and the one partnership figure agreeing on the home page, /statistiques
// and the country page.
let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp();
}, 180_000);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') console.error(await app.failureReport());
});
afterAll(async () => {
  await app?.close();
}, 60_000);

const digits = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

/** The confirmed partnerships as the home page, the admin's statistics and the Senegal page print them. */
async function figures(admin: Page) {
  const visitor = await app.page({ javaScript: false });
  await visitor.goto('/');
  const home = digits(await visitor.locator('li', { hasText: 'partenariats conclus' }).locator('strong').textContent());
  await visitor.goto('/pays/SN');
  const country = visitor.getByTestId('country-partnerships');
  const senegal = (await country.count()) ? digits(await country.textContent()) : 0;
  await admin.goto('/statistiques');
  const stats = admin.getByTestId('statistics-partnerships');
  const total = digits(await stats.getByTestId('partnerships-confirmed').textContent());
  const statsSenegal = (await stats.locator('li[data-country="SN"]').count())
    ? digits((await stats.locator('li[data-country="SN"]').textContent())!.split(':').pop()!)
    : 0;
  await visitor.close();
  return { home, total, senegal, statsSenegal };
}

async function declare(page: Page, name: string, link: string) {
  await page.locator('#foreignName').fill(name);
  await page.locator('#foreignCountry').selectOption('SN');
  await page.locator('label[for="themes-water_sanitation"]').click();
  await page.locator('#startedOn').fill('2016-05-12');
  await page.locator('#description').fill('Accès à l’eau et assainissement, échanges de techniciens.');
  await page.locator('#link').fill(link);
  await page.getByRole('button', { name: 'Déclarer le partenariat' }).click();
}

describe.sequential('partnerships in the browser', { timeout: 300_000 }, () => {
  let admin: Page;
  let before: Awaited<ReturnType<typeof figures>>;

  it('the figures agree before anything is declared', async () => {
    admin = await app.page();
    await signIn(admin, DEMO.admin.email, DEMO.admin.password);
    before = await figures(admin);
    expect(before.home).toBe(before.total);
    expect(before.senegal).toBe(before.statsSenegal);
  });

  it('Lannion declares, without JavaScript, a partnership with Ziguinchor and one with Kédougou (no account)', async () => {
    const page = await app.page({ javaScript: false });
    await signIn(page, DEMO.french.email, DEMO.french.password, '/compte');
    await page.getByRole('link', { name: 'Partenariats de ma collectivité' }).click();
    await page.waitForURL('**/compte/partenariats');
    // A script address is refused on its field, and what was typed is kept.
    await declare(page, 'Commune de Ziguinchor', 'javascript:alert(1)');
    expect(await page.locator('#link-error').textContent()).toContain('http');
    expect(await page.locator('#foreignName').inputValue()).toBe('Commune de Ziguinchor');
    await page.locator('#link').fill('https://www.lannion.fr/cooperation');
    await page.getByRole('button', { name: 'Déclarer le partenariat' }).click();
    await page.waitForURL('**/compte/partenariats?fait=declared*');
    expect(await page.getByRole('status').textContent()).toContain('Partenariat déclaré');
    await declare(page, 'Commune de Kédougou', 'https://www.lannion.fr/kedougou');
    await page.waitForURL('**/compte/partenariats?fait=declared*');
    const rows = page.getByTestId('partnership-row');
    const ziguinchor = rows.filter({ hasText: 'Commune de Ziguinchor' });
    expect(await ziguinchor.textContent()).toContain('En attente de confirmation');
    expect(await ziguinchor.textContent()).toContain('Eau');
    expect(await ziguinchor.textContent()).toContain('depuis le 12 mai 2016');
    expect(await rows.filter({ hasText: 'Commune de Kédougou' }).textContent()).toContain('Sans compte');
    // axe needs scripts: the same page, with JavaScript, in another profile.
    const withScripts = await app.page();
    await signIn(withScripts, DEMO.french.email, DEMO.french.password, '/compte/partenariats');
    expect(await seriousViolations(withScripts)).toEqual([]);
    await screenshot(withScripts, 'partnerships-lannion-declared');
    // Claims are not partnerships yet: no figure moved.
    expect(await figures(admin)).toEqual(before);
  });

  it('Ziguinchor confirms Lannion’s claim; the correspondent confirms the one with Kédougou and sees the record to tie', async () => {
    const ziguinchor = await app.page({ javaScript: false });
    await signIn(ziguinchor, DEMO.foreign.email, DEMO.foreign.password, '/compte/partenariats');
    await ziguinchor.getByRole('button', { name: 'Confirmer le partenariat avec Lannion' }).click();
    await ziguinchor.waitForURL('**/compte/partenariats?fait=confirmed*');
    expect(await ziguinchor.getByTestId('partnership-row').filter({ hasText: 'Lannion' }).textContent()).toContain(
      'Confirmé',
    );

    const correspondent = await app.page();
    await signIn(correspondent, DEMO.correspondent.email, DEMO.correspondent.password, '/compte/partenariats');
    const pending = correspondent.getByTestId('pending-partnerships');
    expect(await pending.textContent()).toContain('Commune de Kédougou');
    expect(await pending.textContent()).not.toContain('Commune de Ziguinchor');
    const records = correspondent.getByTestId('authority-records');
    expect(await records.textContent()).toContain('Commune de Kédougou');
    expect(await records.getByRole('button', { name: 'Rattacher' }).count()).toBeGreaterThan(0);
    expect(await seriousViolations(correspondent)).toEqual([]);
    await screenshot(correspondent, 'partnerships-correspondent');
    await pending.getByRole('button', { name: /Confirmer le partenariat/ }).click();
    await correspondent.waitForURL('**/compte/partenariats?fait=confirmed*');
    expect(await correspondent.getByTestId('pending-partnerships').textContent()).toContain(
      'Aucun partenariat en attente',
    );
  });

  it('the two confirmed partnerships count once, the same, on the home page, /statistiques and the Senegal page', async () => {
    const after = await figures(admin);
    expect(after).toEqual({
      home: before.home + 2,
      total: before.total + 2,
      senegal: before.senegal + 2,
      statsSenegal: before.statsSenegal + 2,
    });
    const visitor = await app.page({ javaScript: false });
    await visitor.goto('/pays/SN');
    expect(await visitor.textContent('body')).toContain('Lannion');
  });

  it('Lannion ends the Kédougou partnership: every figure drops by one', async () => {
    const page = await app.page({ javaScript: false });
    await signIn(page, DEMO.french.email, DEMO.french.password, '/compte/partenariats');
    const row = page.getByTestId('partnership-row').filter({ hasText: 'Commune de Kédougou' });
    await row.getByLabel('Motif (facultatif)').fill('Convention arrivée à son terme');
    await row.getByRole('button', { name: 'Mettre fin' }).click();
    await page.waitForURL('**/compte/partenariats?fait=ended*');
    expect(
      await page.getByTestId('partnership-row').filter({ hasText: 'Commune de Kédougou' }).textContent(),
    ).toContain('Retiré ou terminé');
    expect(await figures(admin)).toEqual({
      home: before.home + 1,
      total: before.total + 1,
      senegal: before.senegal + 1,
      statsSenegal: before.statsSenegal + 1,
    });
  });
});
