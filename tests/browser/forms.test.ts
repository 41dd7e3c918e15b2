import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, screenshot, signIn, useBrowserApp } from './harness.js';

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
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.waitForURL(/enregistre=1/);
    expect(await page.locator('#translations-en-title').inputValue()).toBe('Checking how amounts are typed');
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

  it('a message sent without JavaScript, then the page reloaded, is sent once', async () => {
    const page = await app.page({ javaScript: false });
    await signIn(page, DEMO.french.email, DEMO.french.password, '/recherche');
    await page.goto('/recherche?country=MX');
    await page.locator('.results h3 a').first().click();
    await page.waitForURL(/\/demandes\//);
    await page.locator('#message').fill('Bonjour, la Ville de Lannion serait heureuse d’échanger avec vous.');
    await page.getByRole('button', { name: 'Envoyer mon message' }).click();
    await page.waitForURL(/message=envoye/);
    expect(page.url()).not.toContain('/interest');
    expect(await page.locator('#interet [role=status]').textContent()).toContain('Votre message a été envoyé');
    const posts: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
    await page.reload();
    expect(posts).toEqual([]);
    expect(await page.locator('#interet [role=status]').textContent()).toContain('Votre message a été envoyé');
  });
});
