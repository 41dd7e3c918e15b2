// `npx tsx bench/lighthouse-ab.ts <base A> <base B> <rounds> [path…]` — Lighthouse (mobile defaults, performance only)
// on the same paths of two running builds, alternately A, B, A, B…: on a loaded machine the scores are depressed, so
// only pairs taken side by side compare. Prints each audit's score, FCP, LCP, TBT and CLS.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { resolveChromium } from '../tests/helpers/chromium.js';

const [a, b, rounds = '2', ...paths] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: tsx bench/lighthouse-ab.ts <base A> <base B> <rounds> [path…]');
const { executablePath, args } = await resolveChromium();
const chrome = await chromeLauncher.launch({ chromePath: executablePath, chromeFlags: ['--headless=new', ...args] });
try {
  for (let round = 1; round <= Number(rounds); round++) {
    for (const pagePath of paths.length ? paths : ['/recherche?q=eau']) {
      for (const [name, base] of [
        ['A', a],
        ['B', b],
      ] as const) {
        await fetch(base + pagePath).then((r) => r.arrayBuffer());
        const lhr = (await lighthouse(base + pagePath, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
        }))!.lhr;
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
