// `npx tsx bench/lighthouse-ab.ts <base A> <base B> <rounds> [path…]` (`{request}` in a path: a published request) — Lighthouse (mobile defaults, performance only)
// on the same paths of two running builds, alternately A, B, A, B…: on a loaded machine the scores are depressed, so
// only pairs taken side by side compare. Prints each audit's score, FCP, LCP, TBT and CLS. A French reader by default
// (Accept-Language fr-FR, as bench/lighthouse.ts); `LH_LANG=en-US` for another.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { resolveChromium } from '../tests/helpers/chromium.js';

const [a, b, rounds = '2', ...paths] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: tsx bench/lighthouse-ab.ts <base A> <base B> <rounds> [path…]');
/** `{request}` in a path: the first published request of that build's data (demo data ids differ per data dir). */
async function firstRequest(base: string): Promise<string> {
  const body = (await (await fetch(`${base}/api/v1/search?hitsPerPage=1`)).json()) as { hits: Array<{ id: string }> };
  return body.hits[0]!.id;
}
const acceptLanguage = process.env.LH_LANG ?? 'fr-FR,fr;q=0.9';
const { executablePath, args } = await resolveChromium();
const chrome = await chromeLauncher.launch({ chromePath: executablePath, chromeFlags: ['--headless=new', ...args] });
try {
  for (let round = 1; round <= Number(rounds); round++) {
    for (const pagePath of paths.length ? paths : ['/recherche?q=eau']) {
      for (const [name, base] of [
        ['A', a],
        ['B', b],
      ] as const) {
        const url = base + pagePath.replace('{request}', await firstRequest(base));
        await fetch(url, { headers: { 'Accept-Language': acceptLanguage } }).then((r) => r.arrayBuffer());
        const lhr = (await lighthouse(
          url,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
          { extends: 'lighthouse:default', settings: { extraHeaders: { 'Accept-Language': acceptLanguage } } },
        ))!.lhr;
        const metric = (id: string) => lhr.audits[id]?.displayValue ?? '';
        process.stdout.write(
          `round ${round} ${name} ${pagePath}: ${Math.round((lhr.categories.performance?.score ?? 0) * 100)}; FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}${lhr.runtimeError ? ` (${lhr.runtimeError.code})` : ''}\n`,
        );
      }
    }
  }
} finally {
  await chrome.kill();
}
