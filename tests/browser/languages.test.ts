import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OPEN_LISTING_SCHEMA } from '../../src/lib/opendata/listings-schema.js';
import { message as text } from '../helpers/messages.js';
import { screenshot, seriousViolations, useBrowserApp } from './harness.js';

// Portuguese, Arabic (right to left) and Ukrainian interfaces, in Chromium against the built app with demo data:
// the pages speak the language, Arabic is laid out right to left, and axe finds nothing serious in any of them.
const app = useBrowserApp();

async function check(page: Page, name: string) {
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Opens the first request of the demo's Senegal results, in the given locale. */
async function openRequest(page: Page, locale: string): Promise<void> {
  const prefix = locale === 'fr' ? '' : `/${locale}`;
  await page.goto(`${prefix}/recherche?country=SN&theme=waste`);
  await page.locator('.results h3 a').first().click();
  await page.waitForURL(new RegExp(`^[^?#]*//[^/]+${prefix}/demandes/[0-9a-f-]{36}$`));
}

describe('Portuguese, Arabic and Ukrainian', { timeout: 240_000 }, () => {
  it.each([
    ['pt', 'ltr', 'Português'],
    ['ar', 'rtl', 'العربية'],
    ['uk', 'ltr', 'Українська'],
  ])('%s: every page speaks it, in its direction, and axe finds nothing serious', async (locale, dir, name) => {
    const page = await app.page();
    await page.goto('/');
    // The language switch names each language in that language, marked with it.
    await page.getByRole('link', { name, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/${locale}`);
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    expect(await page.locator('html').getAttribute('dir')).toBe(dir);
    expect(await page.locator('h1').textContent()).toBe(text('home', 'home_title', locale));
    await check(page, `/${locale}`);

    await page.goto(`/${locale}/recherche?q=eau`);
    expect(await page.locator('h1').textContent()).toBe(text('search', 'search_title', locale));
    await check(page, `/${locale}/recherche?q=eau`);
    await page.goto(`/${locale}/pays/SN`);
    await check(page, `/${locale}/pays/SN`);
    await page.goto(`/${locale}/connexion`);
    expect(await page.getByRole('button', { name: text('accounts', 'accounts_sign_in_submit', locale) }).count()).toBe(
      1,
    );
    await check(page, `/${locale}/connexion`);
    await page.goto(`/${locale}/inscription`);
    await check(page, `/${locale}/inscription`);
    await page.goto(`/${locale}/accessibilite`);
    expect(await page.locator('h1').textContent()).toBe(text('accessibility', 'a11y_title', locale));
    await check(page, `/${locale}/accessibilite`);
    await page.goto(`/${locale}/plan-du-site`);
    await check(page, `/${locale}/plan-du-site`);
    // The open data's columns described in the reader's language.
    await page.goto(`/${locale}/donnees-ouvertes`);
    expect(await page.locator('main').textContent()).toContain(
      OPEN_LISTING_SCHEMA.find((c) => c.name === 'id')!.description[locale as 'pt' | 'ar' | 'uk'],
    );
    await check(page, `/${locale}/donnees-ouvertes`);

    await openRequest(page, locale);
    // Reference data in the reader's language: the themes of the request.
    expect(await page.locator('main').textContent()).toContain(text('listing', 'listing_themes', locale));
    await check(page, `/${locale}/demandes/:id`);
    await screenshot(page, `request-${locale}`);
  });

  it('Arabic is laid out right to left: the logo on the right, text aligned right, French content kept left to right', async () => {
    const page = await app.page();
    await openRequest(page, 'ar');
    const layout = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const logo = document.querySelector('header .fr-logo')!.getBoundingClientRect();
      const h2 = document.querySelector('main h2')!;
      return {
        logoRight: logo.right > width / 2,
        headingAlign: getComputedStyle(h2).textAlign,
        headingDirection: getComputedStyle(h2).direction,
        titleLang: document.querySelector('h1')!.getAttribute('lang'),
        titleDirection: getComputedStyle(document.querySelector('h1')!).direction,
        overflow: document.documentElement.scrollWidth - width,
      };
    });
    expect(layout.logoRight).toBe(true);
    expect(layout.headingDirection).toBe('rtl');
    expect(['start', 'right']).toContain(layout.headingAlign);
    // The demo request is written in French (no Arabic translation): its text stays left to right, marked French.
    expect(layout.titleLang).toBe('fr');
    expect(layout.titleDirection).toBe('ltr');
    expect(layout.overflow).toBeLessThanOrEqual(0);
    // Dates and numbers by the locale: Arabic month names, Western digits (the Maghreb's usage).
    const published = await page.locator('[data-testid=language-label]').textContent();
    expect(published).toMatch(/(يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر) \d{4}/);

    const phone = await app.page({ phone: true });
    await openRequest(phone, 'ar');
    expect(
      await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await screenshot(phone, 'phone-request-ar');
  });
});

describe('text drawn in the browser', { timeout: 240_000 }, () => {
  // The browser build keeps only the French text in each message module and loads the other languages' texts before
  // hydration (scripts/vite-paraglide-locale-split.ts): what the browser draws itself must speak the page's language.
  it.each(['fr', 'en', 'ar'])(
    '%s: the search page, hydrated and filtered in the browser, speaks it',
    async (locale) => {
      const page = await app.page();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
      const prefix = locale === 'fr' ? '' : `/${locale}`;
      await page.goto(`${prefix}/recherche`);
      await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
      // Only the browser draws this button (the server writes a link to the filters instead).
      expect((await page.locator('.filter-toggle').textContent())!.trim()).toBe(
        text('search', 'search_filter_button', locale),
      );
      await page.locator('#facet-country label.fr-label').first().click();
      await page.waitForURL(/country=/);
      // The new count, rendered by the browser after a client-side navigation.
      const count = await page.locator('#result-count').textContent();
      const [before, after] = text('search', 'search_results_count_other', locale).split('{count}');
      const [beforeOne, afterOne] = text('search', 'search_results_count_one', locale).split('{count}');
      expect(
        [
          count!.trim().startsWith(before!.trim()) && count!.trim().endsWith(after!.trim()),
          count!.trim().startsWith(beforeOne!.trim()) && count!.trim().endsWith(afterOne!.trim()),
        ],
        count!,
      ).toContain(true);
      expect((await page.locator('.filter-toggle').textContent())!.trim()).toMatch(
        new RegExp(`^${text('search', 'search_filter_button', locale)}`),
      );
      expect(errors).toEqual([]);
    },
  );
});

describe('accessibility statement, site map and print', { timeout: 240_000 }, () => {
  it('the footer links to the statement, whose state and rate come from the checklist and the automated checks', async () => {
    const page = await app.page();
    await page.goto('/');
    const footer = page.getByTestId('footer-accessibility');
    const state = await footer.textContent();
    await footer.click();
    await page.waitForURL((url) => url.pathname === '/accessibilite');
    const statement = page.getByTestId('conformance-state');
    // The footer says what the statement says (partially conformant while the checklist lists non-conformities).
    expect(
      {
        full: text('accessibility', 'footer_accessibility_full', 'fr'),
        partial: text('common', 'footer_accessibility', 'fr'),
        none: text('accessibility', 'footer_accessibility_none', 'fr'),
      }[(await statement.getAttribute('data-state'))!],
    ).toBe(state);
    expect(await page.getByTestId('conformance-rate').textContent()).toMatch(
      /\d+(,\d)? % des critères RGAA applicables/,
    );
    expect(await page.getByTestId('non-conformities').locator('li').count()).toBeGreaterThan(0);
    expect(await page.locator('main').textContent()).toContain('Défenseur des droits');
    await check(page, '/accessibilite');
    await screenshot(page, 'accessibility-statement');
    await page.getByRole('link', { name: 'Plan du site' }).first().click();
    await page.waitForURL((url) => url.pathname === '/plan-du-site');
    expect(await page.getByTestId('sitemap-public').locator('a').count()).toBeGreaterThan(5);
  });

  // The footer, the home map and a request's co-financing paths are laid out only when the reader nears them
  // (content-visibility). A stand-in taller than the real block once shortened the page under a reader who jumped to
  // its end: the screen moved 182 px down, and a click on "Save" or on "Plan du site" landed beside it.
  it('nothing on screen moves when the reader reaches the end of a page and the blocks below are laid out', async () => {
    const listings = (await (await fetch(`${app.url}/api/v1/open-data/listings.json`)).json()).listings as {
      id: string;
    }[];
    let laidOutAtTheEnd = 0;
    for (const phone of [false, { width: 768, height: 900 }, true]) {
      const page = await app.page({ phone });
      for (const path of ['/', '/accessibilite', `/demandes/${listings[0]!.id}`]) {
        await page.goto(path);
        const at = `${path} at ${JSON.stringify(phone)}`;
        const jump = await page.evaluate(async () => {
          const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
          const footer = document.querySelector('footer')!;
          const standIn = footer.getBoundingClientRect().height;
          const scrollable = document.documentElement.scrollHeight - innerHeight;
          window.scrollTo(0, document.documentElement.scrollHeight);
          const main = document.querySelector('main')!;
          const before = main.getBoundingClientRect().bottom;
          for (let i = 0; i < 4; i++) await frame();
          return {
            moved: main.getBoundingClientRect().bottom - before,
            scrollable,
            footerGrew: footer.getBoundingClientRect().height - standIn > 1,
          };
        });
        expect(jump.scrollable, at).toBeGreaterThan(200);
        expect(Math.abs(jump.moved), `${at}: moved ${jump.moved} px`).toBeLessThan(1);
        if (jump.footerGrew) laidOutAtTheEnd++;
      }
      await page.close();
    }
    // The case that jumped: the footer still a stand-in when the reader arrives (not laid out in advance).
    expect(laidOutAtTheEnd).toBeGreaterThan(0);
  });

  it('prints a request: its content, its authority and where and when it was extracted, without navigation or forms', async () => {
    const page = await app.page();
    await openRequest(page, 'fr');
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.getByTestId('print').textContent()).toBe('Imprimer / PDF');
    expect(await page.getByTestId('print-extract').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.fr-header').isVisible()).toBe(false);
    expect(await page.locator('footer').isVisible()).toBe(false);
    expect(await page.getByTestId('print').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(
      await page
        .locator('main')
        .getByText(text('listing', 'listing_authority', 'fr'))
        .isVisible(),
    ).toBe(true);
    const extract = await page.getByTestId('print-extract').textContent();
    expect(extract).toContain(page.url());
    expect(extract).toMatch(/^Extrait de .* le \d{1,2} \S+ \d{4}/);
    await screenshot(page, 'print-request');
    // The same as a PDF, as the browser's "Save as PDF" makes it.
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    await page.emulateMedia({ media: 'screen' });
    await page.goto('/recherche?country=SN');
    await page.emulateMedia({ media: 'print' });
    // The results print; the search box and the filters do not.
    expect(await page.locator('#q').isVisible()).toBe(false);
    expect(await page.locator('#filtres').isVisible()).toBe(false);
    expect(await page.locator('.results li').first().isVisible()).toBe(true);
    expect(await page.getByTestId('print-extract').isVisible()).toBe(true);
    // On paper the results take the page's width (no empty column where the filters were); the sort control goes.
    const results = await page.locator('.results').boundingBox();
    expect(results!.width).toBeGreaterThan(page.viewportSize()!.width * 0.8);
    expect(await page.locator('#sort').isVisible()).toBe(false);
    await screenshot(page, 'print-search');
  });
});
