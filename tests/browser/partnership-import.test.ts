import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ATLAS_CSV_PATH, ATLAS_EXPECTED } from '../fixtures/partnership-import/atlas-500.js';
import { DEMO, screenshot, seriousViolations, signIn, useBrowserApp } from './harness.js';

// Issue 17, item 5 (done-when): an admin imports the 500-row fixture in the browser, without JavaScript — upload,
// column mapping, dry run (with progress), commit, rollback — and the public partnership figure follows.
const app = useBrowserApp();

const digits = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

async function homeFigure(page: Page): Promise<number> {
  await page.goto('/');
  return digits(await page.locator('li', { hasText: 'partenariats conclus' }).locator('strong').textContent());
}

/** Waits for the batch to leave a running step: the page refreshes itself (meta refresh without JavaScript). */
async function waitForStatus(page: Page, status: string) {
  await page.locator(`[data-testid="import-status"][data-status="${status}"]`).waitFor({ timeout: 120_000 });
}

const count = async (page: Page, outcome: string) =>
  digits(await page.locator(`[data-outcome="${outcome}"] strong`).textContent());

describe.sequential('partnership import in the browser', { timeout: 300_000 }, () => {
  let admin: Page;
  let before: number;
  let batchUrl: string;

  it('an admin uploads the file and checks it (dry run): the report counts each kind of row', async () => {
    admin = await app.page({ javaScript: false });
    await signIn(admin, DEMO.admin.email, DEMO.admin.password, '/admin');
    before = await homeFigure(admin);
    await admin.goto('/admin');
    await admin.getByRole('link', { name: 'Importer des partenariats existants' }).click();
    // An empty submission is refused on the field.
    await admin.getByRole('button', { name: 'Lire le fichier' }).click();
    expect(await admin.locator('#file-error').textContent()).toBe('Ce champ est obligatoire.');

    await admin.locator('#file').setInputFiles(ATLAS_CSV_PATH);
    await admin.getByRole('button', { name: 'Lire le fichier' }).click();
    await admin.waitForURL(/\/admin\/import-partenariats\/[0-9a-f-]{36}$/);
    batchUrl = new URL(admin.url()).pathname;
    // The mapping guessed from the French headers.
    expect(await admin.locator('#map-frenchCode option:checked').textContent()).toBe('Code INSEE/SIREN');
    expect(await admin.locator('#map-foreignName option:checked').textContent()).toBe('Collectivité partenaire');
    expect(await admin.locator('#map-endYear option:checked').textContent()).toBe('Année de fin');
    await admin.getByRole('button', { name: 'Vérifier (sans rien écrire)' }).click();
    await waitForStatus(admin, 'ready');

    for (const [outcome, expected] of Object.entries(ATLAS_EXPECTED))
      if (outcome !== 'newForeign') expect(await count(admin, outcome), outcome).toBe(expected);
    await expect(admin.getByTestId('import-new-foreign').textContent()).resolves.toContain('350');
    const problems = admin.getByTestId('import-problems');
    await expect(problems.locator('tr', { hasText: 'pays inconnu' }).count()).resolves.toBeGreaterThan(0);
    await expect(
      problems.locator('tr', { hasText: 'plusieurs collectivités possibles' }).count(),
    ).resolves.toBeGreaterThan(0);
    // Nothing is written by a dry run.
    expect(await homeFigure(admin)).toBe(before);
  });

  it('the report downloads as CSV with formulas neutralised, and the page passes axe', async () => {
    const withScripts = await app.page();
    await signIn(withScripts, DEMO.admin.email, DEMO.admin.password, batchUrl);
    expect(await seriousViolations(withScripts)).toEqual([]);
    await screenshot(withScripts, 'partnership-import-dry-run');
    const response = await withScripts.request.get(`${batchUrl}/rapport.csv`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
    const csv = await response.text();
    expect(csv.split('\n')).toHaveLength(502); // header, 500 rows, final newline
    expect(csv).toContain("'=HYPERLINK");
    expect(csv.split('\n').some((line) => /(^|,)"?[=+@]/.test(line))).toBe(false);
    // A member gets no report.
    const member = await app.page({ javaScript: false });
    await signIn(member, DEMO.french.email, DEMO.french.password, '/compte');
    expect((await member.request.get(`${batchUrl}/rapport.csv`)).status()).toBe(403);
    expect((await member.goto(batchUrl))!.status()).toBe(403);
    await member.close();
    await withScripts.close();
  });

  it('commit adds the matched rows to the public figure; rollback removes exactly them', async () => {
    await admin.goto(batchUrl);
    const toImport = ATLAS_EXPECTED.code + ATLAS_EXPECTED.name;
    await admin.getByRole('button', { name: `Importer ${toImport} partenariats` }).click();
    await waitForStatus(admin, 'committed');
    expect(digits(await admin.getByTestId('import-created').textContent())).toBe(toImport);
    expect(await homeFigure(admin)).toBe(before + toImport);

    await admin.goto(batchUrl);
    await admin.getByRole('button', { name: 'Annuler cet import' }).click();
    await waitForStatus(admin, 'rolled_back');
    await expect(admin.getByRole('status').first().textContent()).resolves.toContain(
      `${toImport} partenariats et ${ATLAS_EXPECTED.newForeign} collectivités retirés`,
    );
    expect(await homeFigure(admin)).toBe(before);
  });
});
