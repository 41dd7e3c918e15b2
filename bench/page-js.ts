// `npx tsx bench/page-js.ts <base-url> [path…]` — the JavaScript a page really loads in Chromium up to hydration
// (html[data-hydrated]) and one second after, per file and gzip-compressed (level 9) as bench/lighthouse.ts counts it.
// Deterministic (no timing), so it compares two builds even on a loaded machine.
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { resolveChromium } from '../tests/helpers/chromium.js';

const [base, ...paths] = process.argv.slice(2);
if (!base) throw new Error('usage: tsx bench/page-js.ts <base-url> [path…]');
const { executablePath, args } = await resolveChromium();
const browser = await chromium.launch({ executablePath, args });
const verbose = process.env.VERBOSE === '1';
try {
  for (const pagePath of paths.length ? paths : ['/', '/recherche?q=eau']) {
    // A context per page: the packaged Chromium runs single-process, closing its last page would close it.
    // A French reader, as bench/lighthouse.ts (another browser language is redirected to its /xx/ pages and their
    // dictionary): PAGE_LOCALE=en-US for another.
    const context = await browser.newContext({ locale: process.env.PAGE_LOCALE ?? 'fr-FR' });
    const page = await context.newPage();
    const scripts: Array<{ url: string; body: Promise<Buffer> }> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push({ url: response.url(), body: response.body() });
    });
    await page.goto(base + pagePath);
    await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 60_000 }).catch(() => undefined);
    const hydrated = await page.evaluate(() => document.documentElement.dataset.hydrated === 'true');
    await page.waitForTimeout(1000);
    const sizes = await Promise.all(
      scripts.map(async (s) => {
        const body = await s.body;
        return { url: s.url.replace(base, ''), raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
      }),
    );
    sizes.sort((a, b) => b.gzip - a.gzip);
    const kb = (n: number) => (n / 1024).toFixed(1);
    const gzip = sizes.reduce((n, s) => n + s.gzip, 0);
    const raw = sizes.reduce((n, s) => n + s.raw, 0);
    process.stdout.write(
      `${pagePath}: ${kb(gzip)} KB gzip (${kb(raw)} KB raw) in ${sizes.length} files, hydrated ${hydrated}\n`,
    );
    if (verbose)
      for (const s of sizes) process.stdout.write(`  ${kb(s.gzip).padStart(6)} ${kb(s.raw).padStart(7)}  ${s.url}\n`);
    // Not closed: the packaged Chromium runs single-process and would exit with its last page.
  }
} finally {
  await browser.close();
}
