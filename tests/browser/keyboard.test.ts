import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localePath, message } from '../helpers/messages.js';
import { DEMO, useBrowserApp } from './harness.js';

// The three journeys again, with the keyboard alone: every field, box, link and button is reached with Tab (in the
// page's order), operated with typing, Space or Enter, and shows where the focus is. No click anywhere. They run in
// French and in Arabic (right to left: Tab order, focus rings and RTL layout must hold there too); the labels the
// test looks for are read from the message files, not written here.
const app = useBrowserApp();

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

/** Signs in on the sign-in page of `locale`; the app sends the person on to `then` in that language. */
async function signInByKeyboard(
  page: Page,
  locale: string,
  who: { email: string; password: string },
  then: string,
): Promise<void> {
  await page.goto(`${localePath(locale, '/connexion')}?redirectTo=${encodeURIComponent(then)}`);
  await typeInto(page, 'email', who.email);
  await typeInto(page, 'password', who.password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === localePath(locale, then));
}

/** What each journey types, in the language of its interface (the request is written in it too). */
const CONTENT = {
  fr: {
    title: 'Bibliothèque numérique de quartier',
    summary: 'Ouvrir une médiathèque numérique et former des animateurs dans trois quartiers.',
    context: 'Les jeunes des quartiers nord n’ont aucun accès à internet hors de l’école.',
    comment: 'Demande claire, publiée.',
    interest: 'Notre médiathèque intercommunale serait heureuse de partager son expérience.',
  },
  ar: {
    title: 'مكتبة رقمية للحي',
    summary: 'فتح مكتبة وسائط رقمية وتكوين منشطين في ثلاثة أحياء.',
    context: 'لا يتوفر لشباب الأحياء الشمالية أي اتصال بالإنترنت خارج المدرسة.',
    comment: 'طلب واضح، تم نشره.',
    interest: 'يسر مكتبتنا المشتركة بين البلديات أن تشارك تجربتها.',
  },
} as const;

describe.each(['fr', 'ar'] as const)('%s: the three journeys with the keyboard alone', (locale) => {
  const text = CONTENT[locale];
  const token = `clavier${locale}${Date.now().toString(36)}`;
  const title = `${text.title} ${token}`;
  const label = (area: string, key: string) => message(area, key, locale);

  describe.sequential('journeys', { timeout: 300_000 }, () => {
    let listingId = '';

    it('a foreign municipality drafts and submits a request', async () => {
      const page = await app.page();
      await signInByKeyboard(page, locale, DEMO.foreign, '/mes-demandes/nouvelle');
      await page.waitForSelector('html[data-hydrated]');
      expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
      await typeInto(page, 'title', title);
      await typeInto(page, 'summary', text.summary);
      await tabTo(page, { id: 'themes-culture_heritage' });
      await page.keyboard.press('Space');
      expect(await page.locator('#themes-culture_heritage').isChecked()).toBe(true);
      await tabTo(page, { button: label('my-requests', 'my_create') });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/mes-demandes\/[0-9a-f-]{36}\/modifier\?etape=2/);
      listingId = page.url().match(/[0-9a-f-]{36}/)![0];

      await typeInto(page, 'context', text.context);
      await tabTo(page, { button: label('my-requests', 'my_save_next') });
      await page.keyboard.press('Enter');
      await page.waitForURL(/etape=3/);
      await tabTo(page, { id: 'forms-expertise_exchange' });
      await page.keyboard.press('Space');
      await typeInto(page, 'durationMonths', '18');
      await tabTo(page, { button: label('my-requests', 'my_save_next') });
      await page.keyboard.press('Enter');
      await page.waitForURL(/etape=4/);
      await typeInto(page, 'technicalContact-name', 'Fatou Sané');
      await typeInto(page, 'technicalContact-email', 'fatou.sane@demo-ziguinchor.sn');
      await tabTo(page, { button: label('my-requests', 'my_save_next') });
      await page.keyboard.press('Enter');
      await page.waitForURL(/etape=5/);
      await tabTo(page, { button: label('my-requests', 'my_submit') });
      await page.keyboard.press('Enter');
      await page.waitForURL(
        (url) =>
          url.pathname === localePath(locale, `/mes-demandes/${listingId}`) && url.searchParams.get('envoyee') === '1',
      );
      expect(await page.locator('[data-status]').first().textContent()).toBe(
        label('listing', 'listing_status_submitted'),
      );
    });

    it('the correspondent of its country approves it', async () => {
      const page = await app.page();
      await signInByKeyboard(page, locale, DEMO.correspondent, '/moderation');
      await tabTo(page, { link: title });
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === localePath(locale, `/moderation/${listingId}`));
      await page.waitForSelector('html[data-hydrated]');
      // A radio group is one Tab stop; the arrow keys move within it.
      await tabTo(page, { id: 'decision-approve' });
      await page.keyboard.press('Space');
      expect(await page.locator('#decision-approve').isChecked()).toBe(true);
      await typeInto(page, 'comment', text.comment);
      await tabTo(page, { button: label('moderation', 'mod_decide_submit') });
      await page.keyboard.press('Enter');
      await page.waitForURL(
        (url) => url.pathname === localePath(locale, '/moderation') && url.searchParams.get('decision') === 'approve',
      );
    });

    it('a French commune finds it and expresses interest', async () => {
      const page = await app.page();
      await signInByKeyboard(page, locale, DEMO.french, '/recherche');
      await page.waitForSelector('html[data-hydrated]');
      // The index follows the database through the outbox: search again until the new request is there.
      await expect
        .poll(
          async () => {
            await page.goto(localePath(locale, '/recherche'));
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
      await page.waitForURL((url) => url.pathname === localePath(locale, `/demandes/${listingId}`));
      await typeInto(page, 'message', text.interest);
      await tabTo(page, { button: label('listing', 'listing_interest_submit') });
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('[role=status]').first().textContent())
        .toContain(label('listing', 'listing_interest_sent'));
    });
  });
});
