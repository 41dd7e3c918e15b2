import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, screenshot, seriousViolations, signIn, useBrowserApp } from './harness.js';

// The search page's filters as people combine them, in Chromium against the built app with demo data.
const app = useBrowserApp();

const countryBox = (page: Page, name: string) =>
  page.locator('#facet-country label.fr-label').filter({ hasText: new RegExp(`^\\s*${name} \\(\\d+\\)\\s*$`) });
const countOf = async (page: Page, name: string) =>
  Number((await countryBox(page, name).textContent())!.match(/\((\d+)\)/)![1]);
const total = async (page: Page) => Number((await page.locator('#result-count').textContent())!.match(/\d+/)![0]);

describe('combinable filters', { timeout: 240_000 }, () => {
  it('ticks Colombia then Peru: both stay on offer and the results add up to their counts', async () => {
    const page = await app.page();
    await page.goto('/recherche');
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.getByText(/valeurs cochées s'additionnent \(l'une ou l'autre\)/).count()).toBe(1);
    const colombia = await countOf(page, 'Colombie');
    const peru = await countOf(page, 'Pérou');
    expect(colombia).toBeGreaterThan(0);
    expect(peru).toBeGreaterThan(0);
    // The page's script updates the results in place: the same document (a mark set on it survives), the focus
    // still on the box just ticked, the count in the same live region.
    const everything = await total(page);
    await page.evaluate(() => ((window as unknown as { mark: number }).mark = 1));
    const liveRegion = await page.locator('[role="status"]').elementHandle();
    await countryBox(page, 'Colombie').click();
    await page.waitForURL(/country=CO/);
    // Ticking a country keeps the others, with what each would add.
    await expect.poll(() => total(page)).toBe(colombia);
    expect(await countOf(page, 'Pérou')).toBe(peru);
    expect(await page.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('facet-country-CO');
    expect(await liveRegion!.evaluate((node) => node.isConnected && node.textContent?.match(/\d+/)?.[0])).toBe(
      String(colombia),
    );
    // Back gives the unfiltered results again, and Forward the filtered ones.
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('country'));
    await expect.poll(() => total(page)).toBe(everything);
    expect(await page.locator('#facet-country-CO').isChecked()).toBe(false);
    await page.goForward();
    await expect.poll(() => total(page)).toBe(colombia);
    expect(await page.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
    await countryBox(page, 'Pérou').click();
    await page.waitForURL((url) => url.searchParams.getAll('country').sort().join() === 'CO,PE');
    await expect.poll(() => total(page)).toBe(colombia + peru);
    expect(await page.locator('.results > li').count()).toBe(colombia + peru);
    // The chosen values as chips that remove them.
    const chips = page.locator('.chips a.fr-tag');
    expect((await chips.allTextContents()).map((text) => text.replace('×', '').trim()).sort()).toEqual(
      ['Colombie', 'Pérou'].sort(),
    );
    await screenshot(page, 'search-two-countries');
    // Every authority has a population (Popayán's is asked at registration): the size facet adds up to the results.
    for (const query of ['', '?country=CO&country=PE']) {
      const body = (await (await page.request.get(`/api/v1/search${query}`)).json()) as {
        total: number;
        facets: { populationBracket: Record<string, number> };
      };
      expect(
        Object.values(body.facets.populationBracket).reduce((a, b) => a + b, 0),
        query,
      ).toBe(body.total);
    }
    await page.getByRole('link', { name: 'Retirer le filtre Pays : Colombie' }).click();
    await page.waitForURL((url) => url.searchParams.getAll('country').join() === 'PE');
    await expect.poll(() => total(page)).toBe(peru);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps the filters on a page with no result and offers to remove each one, with what that would give (no JavaScript)', async () => {
    const page = await app.page({ javaScript: false });
    await page.goto('/recherche?country=PE&theme=gender_equality');
    expect(await total(page)).toBe(0);
    expect(await countryBox(page, 'Mexique').count()).toBe(1);
    const widen = page.getByRole('link', { name: /^retirer le filtre « Pays » : \d+ demandes?$/ });
    await widen.click();
    await page.waitForURL((url) => url.search === '?theme=gender_equality');
    expect(await total(page)).toBeGreaterThan(0);
    await screenshot(page, 'search-widen');
  });

  it('filters by "Cofinançable par": ticking the franco-Senegalese call keeps its requests, with and without JavaScript', async () => {
    const page = await app.page();
    await page.goto('/recherche');
    await page.waitForSelector('html[data-hydrated]');
    const facet = page.locator('#facet-cofinancing');
    expect(await facet.locator('legend').textContent()).toContain('Cofinançable par');
    const call = facet
      .locator('label.fr-label')
      .filter({ hasText: /^\s*Appel à projets franco-sénégalais \(\d+\)\s*$/ });
    const count = Number((await call.textContent())!.match(/\((\d+)\)/)![1]);
    expect(count).toBeGreaterThan(0);
    await call.click();
    await page.waitForURL(/cofinancing=dctciv-franco-senegalais/);
    await expect.poll(() => total(page)).toBe(count);
    // Only Senegalese requests fit a call made with Senegal.
    const api = (await (await page.request.get('/api/v1/search?cofinancing=dctciv-franco-senegalais')).json()) as {
      total: number;
      hits: Array<{ country: string }>;
    };
    expect(api.total).toBe(count);
    expect(new Set(api.hits.map((h) => h.country))).toEqual(new Set(['SN']));
    expect(await page.locator('.chips a.fr-tag').allTextContents()).toEqual([
      expect.stringContaining('Appel à projets franco-sénégalais'),
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    const noJs = await app.page({ javaScript: false });
    await noJs.goto('/recherche?cofinancing=dctciv-franco-senegalais');
    expect(await total(noJs)).toBe(count);
    expect(await noJs.locator('#facet-cofinancing-dctciv-franco-senegalais').isChecked()).toBe(true);
    // A malformed value is a stale or hand-edited link: the page searches without it and says so, never a 500.
    const bad = await noJs.goto('/recherche?cofinancing=%22%20OR%201%3D1');
    expect(bad?.status()).toBe(200);
    expect(await noJs.locator('.fr-alert--warning').count()).toBe(1);
  });

  it('sends a page past the last to the last page', async () => {
    const page = await app.page({ javaScript: false });
    const response = await page.goto('/recherche?q=eau&page=40');
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    expect(await page.locator('.results > li').count()).toBe(await total(page));
  });
});

describe('phone first', { timeout: 240_000 }, () => {
  const phone = { width: 390, height: 844 };

  it('shows the first result on the first screen, the filters behind a "Filtrer (n)" button', async () => {
    const page = await app.page({ phone });
    await page.goto('/recherche?theme=water_sanitation');
    await page.waitForSelector('html[data-hydrated]');
    const first = await page.locator('.results > li').first().boundingBox();
    expect(first!.y).toBeLessThan(phone.height);
    expect(await page.locator('#filtres').isVisible()).toBe(false);
    await screenshot(page, 'phone-search-first-screen');
    const button = page.getByRole('button', { name: 'Filtrer (1)' });
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Filtres' });
    await dialog.waitFor();
    await countryBox(page, 'Pérou').click();
    await page.waitForURL(/country=PE/);
    await screenshot(page, 'phone-search-filters-open');
    await page.keyboard.press('Escape');
    expect(await page.locator('#filtres').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Filtrer (2)');
  });

  // The same page as with JavaScript (hydration changes nothing on screen): the link opens the filters by itself.
  it('without JavaScript, puts the results first and a link opens the filters after them', async () => {
    const page = await app.page({ phone, javaScript: false });
    await page.goto('/recherche?theme=water_sanitation');
    const first = await page.locator('.results > li').first().boundingBox();
    expect(first!.y).toBeLessThan(phone.height);
    expect(await page.locator('#filtres').isVisible()).toBe(false);
    await page.getByRole('link', { name: 'Filtrer (1)' }).click();
    expect(new URL(page.url()).hash).toBe('#filtres');
    expect(await page.locator('#filtres').isVisible()).toBe(true);
    const top = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(await top('#filtres')).toBeGreaterThan(await top('.results > li'));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    // Usable there: a filter applied goes back to the results, the filters behind the link again.
    await countryBox(page, 'Pérou').click();
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await page.waitForURL(/country=PE/);
    expect(await page.locator('#filtres').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Filtrer (2)' }).isVisible()).toBe(true);
  });
});

describe('language of a first visit', { timeout: 240_000 }, () => {
  it('an es-CO browser arriving on the home page lands in Spanish, and the choice of French is kept', async () => {
    const page = await app.page({ locale: 'es-CO' });
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/es');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    // Choosing French from the switcher is obeyed, and remembered for the next arrival.
    await page.getByRole('link', { name: 'Français', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/recherche');
    expect(new URL(page.url()).pathname).toBe('/recherche');
    expect(await page.locator('h1').textContent()).toBe('Rechercher une demande de coopération');
    await screenshot(page, 'search-fr');
    await page.goto('/es/recherche');
    await screenshot(page, 'search-es');
    await page.goto('/en/recherche');
    await screenshot(page, 'search-en');
  });
});

describe('saved searches and country pages', { timeout: 240_000 }, () => {
  it('an alert shows its criteria in words and keeps the chosen frequency (no JavaScript)', async () => {
    const page = await app.page({ javaScript: false });
    await signIn(page, DEMO.french.email, DEMO.french.password, '/recherche?country=PE&theme=water_sanitation&q=agua');
    await page.locator('a[href^="/alertes?"]').first().click();
    await page.waitForURL(/\/alertes\?/);
    const pending = (await page.locator('section dl').first().innerText()).replace(/\s+/g, ' ');
    expect(pending).toContain('Pays Pérou');
    expect(pending).toContain('Thème Eau et assainissement');
    expect(pending).toContain('« agua »');
    expect(await page.locator('main').textContent()).not.toContain('country=PE');
    await page.locator('#alert-name').fill('Eau au Pérou');
    await page.locator('label[for=freq-daily]').click();
    await page.getByRole('button', { name: /Enregistrer/ }).click();
    await page.waitForURL(/enregistree=1/);
    const card = page.locator('li.fr-card').filter({ hasText: 'Eau au Pérou' });
    expect((await card.innerText()).replace(/\s+/g, ' ')).toMatch(/Pays Pérou.*Chaque jour/);
    await screenshot(page, 'alerts-in-words');
  });

  it('names a country with its French article', async () => {
    const page = await app.page({ javaScript: false });
    await page.goto('/pays/EC');
    expect(await page.locator('h1').textContent()).toBe('Coopérer avec l’Équateur');
    await page.goto('/pays/KM');
    expect(await page.locator('h1').textContent()).toBe('Coopérer avec les Comores');
    await page.goto('/es/pays/EC');
    expect(await page.locator('h1').textContent()).not.toContain(' :');
  });
});

describe('open data', { timeout: 240_000 }, () => {
  it('downloads both CSVs from the open-data page: commas, and semicolons with a BOM for French spreadsheets', async () => {
    const page = await app.page();
    await page.goto('/donnees-ouvertes');
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.locator('main').textContent()).toContain('Licence Ouverte');
    const download = async (name: RegExp) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      const chunks: Buffer[] = [];
      for await (const chunk of (await file.createReadStream())!) chunks.push(chunk as Buffer);
      return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
    };
    const comma = await download(/^Demandes publiées, CSV séparé par des virgules/);
    expect(comma.name).toMatch(/\.csv$/);
    const commaText = comma.bytes.toString('utf8');
    expect(commaText.split('\n')[0]).toContain(',');
    const semicolon = await download(/^Demandes publiées, CSV séparé par des points-virgules/);
    expect([...semicolon.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const semicolonText = semicolon.bytes.subarray(3).toString('utf8');
    expect(semicolonText.split('\n')[0]).toContain(';');
    // Same requests in both: as many lines.
    expect(semicolonText.trim().split('\n').length).toBe(commaText.trim().split('\n').length);
    // Confirmed partnerships, published the same way: one line per partnership the JSON lists.
    const partnerships = await download(/^Partenariats confirmés, CSV séparé par des points-virgules/);
    expect(partnerships.name).toBe('bourse-projets-partenariats-points-virgules.csv');
    const partnershipLines = partnerships.bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(partnershipLines[0]).toContain('frenchAuthorityCode;');
    const json = (await (await page.request.get('/api/v1/open-data/partnerships.json')).json()) as { count: number };
    expect(partnershipLines.length).toBe(json.count + 1);
    expect(await page.getByRole('table', { name: /Colonnes — Partenariats confirmés/ }).count()).toBe(1);
    await screenshot(page, 'open-data');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('statistics', { timeout: 240_000 }, () => {
  it('says when a chart shows the top countries only, links to the full table, and gives durations in h and min', async () => {
    const page = await app.page({ javaScript: false });
    await signIn(page, DEMO.admin.email, DEMO.admin.password, '/statistiques');
    const main = (await page.locator('main').textContent())!.replace(/\s+/g, ' ');
    expect(main).not.toMatch(/\b0 h\b/);
    expect(main).toMatch(/Délai médian de modération : (\d+ h( \d+ min)?|\d+ min)/);
    const rows = await page.locator('#table-country tbody tr').count();
    // The demo has requests from 18 countries: the chart shows 15 and says so.
    expect(rows).toBeGreaterThan(15);
    expect(main).toContain(`les 15 premiers sur ${rows}`);
    await page.getByRole('link', { name: 'voir le tableau complet' }).first().click();
    expect(new URL(page.url()).hash).toBe('#table-country');
    await screenshot(page, 'statistics');
    // axe runs in the page, so on a page with JavaScript (the one above has none: the evaluation would never return).
    const withScripts = await app.page();
    await signIn(withScripts, DEMO.admin.email, DEMO.admin.password, '/statistiques');
    expect(await seriousViolations(withScripts)).toEqual([]);
  });
});
