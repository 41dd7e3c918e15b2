import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, screenshot, seriousViolations, signIn, useBrowserApp } from './harness.js';

// Forms that take what people type the way they write it, show every mistake at once, and never post twice.
const app = useBrowserApp();

/** A new draft of the demo municipality; returns the address of its step 3. */
async function newDraft(page: Page): Promise<string> {
  await page.goto('/mes-demandes/nouvelle');
  await page.locator('#title').fill(`Budget test ${Date.now().toString(36)}`);
  await page.locator('#summary').fill('Un projet pour vérifier la saisie des montants.');
  await page
    .locator('label.fr-label')
    .filter({ hasText: /^\s*Eau et assainissement\s*$/ })
    .click();
  await page.getByRole('button', { name: 'Créer le brouillon et continuer' }).click();
  await page.waitForURL(/etape=2/);
  return page.url().replace('etape=2', 'etape=3');
}

describe('forgiving forms', { timeout: 240_000 }, () => {
  it('takes "120 000 €" in French and "120.000" in Spanish, shows all mistakes at once, and saves with post/redirect/get', async () => {
    const page = await app.page({ javaScript: false });
    await signIn(page, DEMO.foreign.email, DEMO.foreign.password, '/mes-demandes');
    const step3 = await newDraft(page);
    // Step 2 offers the title and summary in the other interface languages, kept as the author's translation.
    expect(await page.getByText('Traduction en anglais').count()).toBe(1);
    expect(await page.getByText('Traduction en français').count()).toBe(0);
    await page.locator('#translations-en-title').fill('Checking how amounts are typed');
    await page.locator('#translations-en-summary').fill('A project to check amounts.');
    // The description too, behind a disclosure (most authors translate the headline only).
    await page.getByText('Traduire aussi la description en anglais').click();
    await page.locator('#translations-en-context').fill('Amounts are typed in many ways.');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.waitForURL(/enregistre=1/);
    expect(await page.locator('#translations-en-title').inputValue()).toBe('Checking how amounts are typed');
    expect(await page.locator('#translations-en-context').inputValue()).toBe('Amounts are typed in many ways.');
    // The draft says how far it got, and "Modifier" resumes at the first step still to complete.
    expect(await page.getByTestId('draft-progress').textContent()).toMatch(/Étapes complètes\s:\s1 sur 4/);
    await page.goto('/mes-demandes');
    const row = page.locator('tr').filter({ hasText: 'Budget test' }).first();
    expect(await row.textContent()).toMatch(/Étapes complètes\s:\s1 sur 4/);
    expect(await row.getByRole('link', { name: 'Modifier' }).getAttribute('href')).toMatch(/modifier\?etape=2$/);
    await screenshot(page, 'draft-progress');
    await page.goto(step3);
    expect(await page.locator('#budgetEur-hint').textContent()).toMatch(/^Nombre entier, par exemple 120\s000$/);
    // Three mistakes, one round trip: each field says what is wrong, the summary lists them all.
    await page.locator('#durationMonths').fill('deux ans');
    await page.locator('#budgetEur').fill('1,5');
    await page.locator('#localContributionEur').fill('beaucoup');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    expect(await page.locator('.fr-alert--error li').allTextContents()).toEqual([
      'Durée envisagée (en mois) : Indiquez un nombre entier, zéro ou plus.',
      'Budget indicatif (euros) : Indiquez un nombre entier, zéro ou plus.',
      'Contribution locale (euros) : Indiquez un nombre entier, zéro ou plus.',
    ]);
    expect(await page.locator('.fr-error-text').count()).toBe(3);
    expect(await page.locator('#budgetEur').inputValue()).toBe('1,5');
    await screenshot(page, 'form-all-errors');
    await page.locator('#durationMonths').fill('24');
    await page.locator('#budgetEur').fill('120 000 €');
    await page.locator('#localContributionEur').fill('30\u202f000 €');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    // Saved, then redirected: the address is a plain GET that a reload does not post again.
    await page.waitForURL(/enregistre=1/);
    expect(await page.locator('[role=status]').first().textContent()).toContain('Brouillon enregistré');
    expect((await page.locator('#budgetEur').inputValue()).replace(/\s/g, ' ')).toBe('120 000');
    // The same draft in Spanish: "120.000" is how a Spanish reader writes it, and what the page shows back.
    await page.goto(step3.replace('/mes-demandes/', '/es/mes-demandes/'));
    expect(await page.locator('#budgetEur').inputValue()).toBe('120.000');
    await page.locator('#budgetEur').fill('250.000');
    await page.getByRole('button', { name: 'Guardar el borrador' }).click();
    await page.waitForURL(/enregistre=1/);
    expect(await page.locator('#budgetEur').inputValue()).toBe('250.000');
    // Arriving again on the French address, the reader is sent to the language chosen last (Spanish), and the review
    // shows the amount as a Spanish reader writes it.
    await page.goto(step3.replace('etape=3', 'etape=5'));
    expect(new URL(page.url()).pathname).toMatch(/^\/es\/mes-demandes\//);
    expect(await page.locator('main').textContent()).toMatch(/250\.000\s€/);
  });

  it('picks a French collectivité with an autocomplete (keyboard), or a search-then-choose form without JavaScript', async () => {
    const page = await app.page();
    await page.goto('/inscription?collectivite=francaise');
    await page.waitForSelector('html[data-hydrated]');
    const combobox = page.getByRole('combobox', { name: /Nom, code INSEE ou code postal/ });
    await combobox.fill('lannion');
    const option = page.getByRole('option', { name: /Lannion \(22\) — commune/ });
    await option.waitFor();
    expect(await combobox.getAttribute('aria-expanded')).toBe('true');
    await combobox.press('ArrowDown');
    expect(await combobox.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await combobox.press('Enter');
    expect(await page.getByText('Collectivité choisie : Lannion (22) — commune').count()).toBe(1);
    expect(await page.locator('input[name=authorityId]').count()).toBe(1);
    // By postcode, and never a raw code such as "REG-53" in what is offered.
    await combobox.fill('22300');
    await page.getByRole('option', { name: /Lannion \(22\) — commune/ }).waitFor();
    await combobox.fill('bretagne');
    await page.getByRole('option', { name: /^Bretagne — région/ }).waitFor();
    expect(await page.locator('[role=listbox]').textContent()).not.toContain('REG-');
    await screenshot(page, 'registration-autocomplete');
    expect(await seriousViolations(page)).toEqual([]);

    const noJs = await app.page({ javaScript: false });
    await noJs.goto('/inscription?collectivite=francaise&q=lannion');
    expect(await noJs.locator('label[for^=authority-]').first().textContent()).toMatch(/Lannion \(22\) — commune/);
    await screenshot(noJs, 'registration-french-no-js-fr');
    await noJs.goto('/en/inscription?collectivite=francaise&q=lannion');
    expect(await noJs.locator('label[for^=authority-]').first().textContent()).toMatch(/Lannion \(22\) — commune/);
    await screenshot(noJs, 'registration-french-no-js-en');
    // The foreign form asks the population, with the format a Spanish reader writes.
    await noJs.goto('/es/inscription?collectivite=etrangere');
    expect(await noJs.locator('#authority\\.population-hint').textContent()).toContain('330.000');
    await screenshot(noJs, 'registration-foreign-es');
  });

  it('a message sent without JavaScript, then the page reloaded, is sent once', async () => {
    const page = await app.page({ javaScript: false });
    await signIn(page, DEMO.french.email, DEMO.french.password, '/recherche');
    await page.goto('/recherche?country=MX');
    await page.locator('.results h3 a').first().click();
    await page.waitForURL(/\/demandes\//);
    await page.locator('#message').fill('Bonjour, la Ville de Lannion serait heureuse d’échanger avec vous.');
    await page.getByRole('button', { name: 'Envoyer mon message' }).click();
    // Oaxaca has no member on the platform yet (demo data): the sender is told so, not promised a reply.
    await page.waitForURL(/message=en-attente/);
    expect(page.url()).not.toContain('/interest');
    expect(await page.locator('#interet [role=status]').textContent()).toContain('aucun membre actif');
    const posts: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
    await page.reload();
    expect(posts).toEqual([]);
    expect(await page.locator('#interet [role=status]').textContent()).toContain('aucun membre actif');
  });
});
