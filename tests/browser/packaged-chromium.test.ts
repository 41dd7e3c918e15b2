import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { packagedChromium } from '../helpers/chromium.js';

// On a machine without Debian's Chromium the browser tests run on the one inside @sparticuz/chromium: prove here,
// on every machine, that it launches under playwright-core and renders and runs a page.
describe('the Chromium packaged in npm', () => {
  it('launches, renders French text and runs a script', async () => {
    const { executablePath, args } = await packagedChromium();
    const browser = await chromium.launch({ executablePath, args });
    try {
      const page = await browser.newPage();
      await page.setContent(
        '<html lang="fr"><body><h1>Coopération décentralisée</h1><script>document.body.dataset.ok = String(6 * 7)</script></body></html>',
      );
      expect(await page.textContent('h1')).toBe('Coopération décentralisée');
      expect(await page.getAttribute('body', 'data-ok')).toBe('42');
    } finally {
      await browser.close();
    }
  }, 120_000);
});
