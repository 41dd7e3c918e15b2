import { describe, expect, it } from 'vitest';
import { DEMO, screenshot, seriousViolations, signIn, useBrowserApp } from './harness.js';

// Issue 17, item 4: staff search French authorities on /moderation/collectivites-francaises — a GET form that works
// without JavaScript (the query is the URL), a results table linking each authority's page, pagination, an empty
// state, bad input said on its field in the reader's language (never a 500), members refused, axe clean.
const app = useBrowserApp();
const PATH = '/moderation/collectivites-francaises';

describe('staff search of French authorities', { timeout: 180_000 }, () => {
  it('a correspondent searches without JavaScript: by code, by name with pagination, empty state', async () => {
    const page = await app.page({ javaScript: false });
    await signIn(page, DEMO.correspondent.email, DEMO.correspondent.password, '/moderation');
    await page.getByRole('link', { name: 'Collectivités françaises' }).click();
    await page.waitForURL((url) => url.pathname === PATH);
    expect(await page.locator('h1').textContent()).toBe('Rechercher une collectivité française');

    await page.getByLabel('Nom ou code INSEE/SIREN').fill('22113');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === '22113');
    const rows = page.getByTestId('french-authority');
    expect(await rows.count()).toBe(1);
    const lannion = rows.first().getByRole('link', { name: 'Lannion' });
    expect(await lannion.getAttribute('href')).toMatch(/^\/collectivites\/[0-9a-f-]{36}$/);
    expect(await rows.first().textContent()).toContain('Bretagne');

    // A département by name, accents and case ignored; the form keeps what was typed.
    await page.goto(`${PATH}?departement=COTES-D`);
    expect(await page.getByLabel(/^Département/).inputValue()).toBe('COTES-D');
    expect(await rows.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Lannion')]));

    // Many hits: 25 a page, the next page is a link that keeps the query.
    await page.goto(`${PATH}?q=e`);
    expect(await rows.count()).toBe(25);
    const total = await page.getByRole('status').textContent();
    expect(total).toMatch(/page 1 sur \d+/);
    await page
      .getByRole('navigation', { name: /pagination|pages/i })
      .getByRole('link', { name: '2', exact: true })
      .click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2' && url.searchParams.get('q') === 'e');
    expect(await rows.count()).toBeGreaterThan(0);

    await page.goto(`${PATH}?q=zzzqqqxw`);
    expect(await page.getByTestId('french-search-empty').textContent()).toBe(
      'Aucune collectivité française ne correspond à ces critères.',
    );
    await page.close();
  });

  it('bad input is said on its field in the reader’s language, never a 500', async () => {
    const page = await app.page({ javaScript: false });
    await signIn(page, DEMO.admin.email, DEMO.admin.password, '/moderation');
    const long = await page.goto(`${PATH}?q=${'x'.repeat(121)}`);
    expect(long!.status()).toBe(200);
    expect(await page.locator('#french-q-error').textContent()).toBe('Au plus 120 caractères.');
    expect(await page.locator('#french-q').getAttribute('aria-invalid')).toBe('true');
    const control = await page.goto(`/en${PATH}?region=Bre%09tagne`);
    expect(control!.status()).toBe(200);
    expect(await page.locator('#french-region-error').textContent()).toBe(
      'Remove tabs, line breaks and other control characters.',
    );
    expect(await page.getByTestId('french-authority').count()).toBe(0);
    expect((await page.goto(`${PATH}?q=Lannion&page=-3`))!.status()).toBe(200);
    expect(await page.getByTestId('french-authority').count()).toBe(1);
    await page.close();
  });

  it('members get 403, anonymous visitors are sent to sign in', async () => {
    const anonymous = await app.page({ javaScript: false });
    await anonymous.goto(`${PATH}?q=Lannion`);
    expect(new URL(anonymous.url()).pathname).toBe('/connexion');
    expect(new URL(anonymous.url()).searchParams.get('redirectTo')).toBe(`${PATH}?q=Lannion`);
    await anonymous.close();
    for (const who of [DEMO.french, DEMO.foreign]) {
      const member = await app.page({ javaScript: false });
      await signIn(member, who.email, who.password, '/compte');
      expect((await member.goto(`${PATH}?q=Lannion`))!.status()).toBe(403);
      expect(await member.getByTestId('french-authority').count()).toBe(0);
      await member.close();
    }
  });

  it('axe finds nothing serious on results and on a refused field (with JavaScript)', async () => {
    const page = await app.page();
    await signIn(page, DEMO.correspondent.email, DEMO.correspondent.password, '/moderation');
    await page.goto(`${PATH}?region=Bretagne`);
    expect(await page.getByTestId('french-authority').count()).toBeGreaterThan(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'french-authorities-search');
    await page.goto(`${PATH}?q=${'x'.repeat(121)}`);
    expect(await page.locator('#french-q-error').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
