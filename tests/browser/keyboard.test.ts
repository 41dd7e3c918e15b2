import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, useBrowserApp } from './harness.js';

// The three journeys again, with the keyboard alone: every field, box, link and button is reached with Tab (in the
// page's order), operated with typing, Space or Enter, and shows where the focus is. No click anywhere.
const app = useBrowserApp();
const token = `clavier${Date.now().toString(36)}`;
const title = `Bibliothèque numérique de quartier ${token}`;

type Target = { id: string } | { link: string } | { button: string };

/** Presses Tab until the focus is on the target (at most 120 times), and checks the focus is visible. */
async function tabTo(page: Page, target: Target): Promise<void> {
  const isThere = () =>
    page.evaluate((t) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return false;
      const text = el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      if ('id' in t) return el.id === t.id;
      if ('link' in t) return el.tagName === 'A' && text === t.link;
      return el.tagName === 'BUTTON' && text === t.button;
    }, target);
  for (let i = 0; i < 120 && !(await isThere()); i++) await page.keyboard.press('Tab');
  expect(await isThere(), `Tab never reached ${JSON.stringify(target)}`).toBe(true);
  const focus = await page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement;
    const ring = (style: CSSStyleDeclaration) => style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    // DSFR draws the ring of a whole-card link on its ::before (which covers the card).
    return {
      native: el.type === 'checkbox' || el.type === 'radio',
      visible: ring(getComputedStyle(el)) || ring(getComputedStyle(el, '::before')),
    };
  });
  // DSFR draws the ring of checkboxes and radios on their label; every other control carries its own outline.
  if (!focus.native) expect(focus.visible, `no visible focus on ${JSON.stringify(target)}`).toBe(true);
}

async function typeInto(page: Page, id: string, text: string) {
  await tabTo(page, { id });
  await page.keyboard.type(text);
}

async function signInByKeyboard(page: Page, who: { email: string; password: string }, then: string) {
  await page.goto(`/connexion?redirectTo=${encodeURIComponent(then)}`);
  await typeInto(page, 'email', who.email);
  await typeInto(page, 'password', who.password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === then);
}

describe.sequential('the three journeys with the keyboard alone', { timeout: 300_000 }, () => {
  let listingId = '';

  it('a foreign municipality drafts and submits a request', async () => {
    const page = await app.page();
    await signInByKeyboard(page, DEMO.foreign, '/mes-demandes/nouvelle');
    await page.waitForSelector('html[data-hydrated]');
    await typeInto(page, 'title', title);
    await typeInto(page, 'summary', 'Ouvrir une médiathèque numérique et former des animateurs dans trois quartiers.');
    await tabTo(page, { id: 'themes-culture_heritage' });
    await page.keyboard.press('Space');
    expect(await page.locator('#themes-culture_heritage').isChecked()).toBe(true);
    await tabTo(page, { button: 'Créer le brouillon et continuer' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/mes-demandes\/[0-9a-f-]{36}\/modifier\?etape=2/);
    listingId = page.url().match(/[0-9a-f-]{36}/)![0];

    await typeInto(page, 'context', 'Les jeunes des quartiers nord n’ont aucun accès à internet hors de l’école.');
    await tabTo(page, { button: 'Enregistrer et continuer' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/etape=3/);
    await tabTo(page, { id: 'forms-expertise_exchange' });
    await page.keyboard.press('Space');
    await typeInto(page, 'durationMonths', '18');
    await tabTo(page, { button: 'Enregistrer et continuer' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/etape=4/);
    await typeInto(page, 'technicalContact-name', 'Fatou Sané');
    await typeInto(page, 'technicalContact-email', 'fatou.sane@demo-ziguinchor.sn');
    await tabTo(page, { button: 'Enregistrer et continuer' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/etape=5/);
    await tabTo(page, { button: "Envoyer à l'ambassade pour modération" });
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/mes-demandes/${listingId}\\?envoyee=1`));
    expect(await page.locator('[data-status]').first().textContent()).toBe('En attente de modération');
  });

  it('the correspondent of its country approves it', async () => {
    const page = await app.page();
    await signInByKeyboard(page, DEMO.correspondent, '/moderation');
    await tabTo(page, { link: title });
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/moderation/${listingId}`));
    await page.waitForSelector('html[data-hydrated]');
    // A radio group is one Tab stop; the arrow keys move within it.
    await tabTo(page, { id: 'decision-approve' });
    await page.keyboard.press('Space');
    expect(await page.locator('#decision-approve').isChecked()).toBe(true);
    await typeInto(page, 'comment', 'Demande claire, publiée.');
    await tabTo(page, { button: 'Enregistrer la décision' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/moderation\?decision=approve/);
  });

  it('a French commune finds it and expresses interest', async () => {
    const page = await app.page();
    await signInByKeyboard(page, DEMO.french, '/recherche');
    await page.waitForSelector('html[data-hydrated]');
    // The index follows the database through the outbox: search again until the new request is there.
    await expect
      .poll(
        async () => {
          await page.goto('/recherche');
          await typeInto(page, 'q', token);
          await page.keyboard.press('Enter');
          await page.waitForURL((url) => url.searchParams.get('q') === token);
          return page.locator('.results a').filter({ hasText: title }).count();
        },
        { timeout: 45_000 },
      )
      .toBe(1);
    await tabTo(page, { link: title });
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/demandes/${listingId}`));
    await typeInto(page, 'message', 'Notre médiathèque intercommunale serait heureuse de partager son expérience.');
    await tabTo(page, { button: 'Envoyer mon message' });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[role=status]').first().textContent())
      .toContain('Votre message a été envoyé');
  });
});
