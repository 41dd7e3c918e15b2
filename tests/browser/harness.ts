import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startAppProcess, waitForHealth, type AppProcess } from '../helpers/app-process.js';
import { builtApp } from '../helpers/run-build.js';
import { resolveChromium } from '../helpers/chromium.js';
import { AXE_RULES_BY_CRITERION } from '../../src/lib/server/accessibility/rgaa.js';

const root = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = path.join(root, 'tests/screenshots');
/** The axe rules the accessibility statement counts against an RGAA criterion: any violation of one must not exist. */
const RGAA_RULES = new Set(Object.values(AXE_RULES_BY_CRITERION).flat());
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface BrowserApp {
  url: string;
  app: AppProcess;
  /** The app's DATA_DIR: without SMTP_URL its mails are .eml files in DATA_DIR/outbox (read them with listOutbox). */
  dataDir: string;
  browser: Browser;
  /**
   * A page in a fresh browser profile (no cookies); `javaScript: false` to check the pages work without it; `phone`
   * a small touch screen (360 × 740, or the size given); `locale` the browser's language (its Accept-Language).
   */
  page(options?: {
    javaScript?: boolean;
    phone?: boolean | { width: number; height: number };
    locale?: string;
  }): Promise<Page>;
  /** For a failed test: where the last page opened stands, where its focus is, and the app's last log lines. */
  failureReport(): Promise<string>;
  close(): Promise<void>;
}

/** The built app (`npm run build` first) as a real process with demo data in its own data directory, and Chromium. */
/**
 * The search index is derived: at start-up the relay indexes the demo data (and re-indexes it when the co-financing
 * programmes arrive) after /api/health already answers. Facet counts read before it settles are partial, so wait
 * until two searches a second apart find the same number of requests.
 */
async function untilDemoDataSearchable(base: string): Promise<void> {
  let previous = -1;
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = await fetch(`${base}/api/v1/search`).catch(() => undefined);
    const total = response?.ok ? ((await response.json()) as { total: number }).total : -1;
    if (total > 0 && total === previous) return;
    previous = total;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

export async function startBrowserApp(): Promise<BrowserApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bourse-browser-'));
  chmodSync(dataDir, 0o755);
  // A private copy of the build: others rebuilding the shared checkout mid-run must not pull files from under it.
  const built = await builtApp();
  const app = await startAppProcess({ DATA_DIR: dataDir, DEMO_DATA: 'true' }, built.root);
  let browser: Browser | undefined;
  try {
    await waitForHealth(app);
    await untilDemoDataSearchable(app.url);
    const { executablePath, args } = await resolveChromium();
    browser = await chromium.launch({ executablePath, args });
  } catch (error) {
    app.child.kill('SIGTERM');
    await app.exited;
    rmSync(dataDir, { recursive: true, force: true });
    built.remove();
    throw error;
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  let closing = false;
  // An app that dies under the tests says why (the failures that follow only say "connection refused").
  void app.exited.then(({ code, signal }) => {
    if (!closing)
      console.error(
        `the app exited during the browser tests (code ${code}, signal ${signal}):\n${app.output().slice(-4000)}`,
      );
  });
  const b = browser;
  let lastPage: Page | undefined;
  // The app's ORIGIN is http://localhost:PORT: SvelteKit refuses form posts from any other origin.
  const url = app.url.replace('127.0.0.1', 'localhost');
  return {
    url,
    app,
    dataDir,
    browser: b,
    page: async ({ javaScript = true, phone = false, locale } = {}) => {
      const context = await b.newContext({
        baseURL: url,
        javaScriptEnabled: javaScript,
        viewport: phone ? (phone === true ? { width: 360, height: 740 } : phone) : { width: 1280, height: 900 },
        deviceScaleFactor: 1,
        isMobile: Boolean(phone),
        hasTouch: Boolean(phone),
        // A French browser unless told otherwise: a first visit follows the browser's language (Accept-Language).
        locale: locale ?? 'fr-FR',
      });
      // Fail a step with its own message before the test's time limit. Generous: under \`npm test\` this file shares
      // two cores with other suites (the API fuzzer hashes passwords flat out), and pages can take seconds.
      context.setDefaultTimeout(30_000);
      context.setDefaultNavigationTimeout(60_000);
      const page = await context.newPage();
      lastPage = page;
      return page;
    },
    async failureReport() {
      const where = lastPage
        ? `last page ${lastPage.url()}, focus on ${await lastPage.evaluate(() => document.activeElement?.outerHTML.slice(0, 200)).catch(() => '?')}\n`
        : '';
      return `${where}app log, last lines:\n${app.output().slice(-3000)}`;
    },
    async close() {
      closing = true;
      // Closing the browser closes every profile the tests opened.
      await b.close().catch(() => {});
      app.child.kill('SIGTERM');
      await app.exited;
      rmSync(dataDir, { recursive: true, force: true });
      built.remove();
    },
  };
}

/**
 * The file's browser app, started before its first test and closed after its last; a failed test prints where the
 * page stood and the app's last log lines. `const app = useBrowserApp();` at the top of a browser test file.
 */
export function useBrowserApp(): BrowserApp {
  let started: BrowserApp | undefined;
  let testFile = '';
  beforeAll(async () => {
    started = await startBrowserApp();
  }, 180_000);
  afterEach(async ({ task }) => {
    testFile = task.file.filepath;
    if (task.result?.state === 'fail' && started) console.error(await started.failureReport());
  });
  afterAll(async () => {
    // What axe checked in this file feeds the accessibility statement (with AXE_RECORD=1).
    if (testFile) await writeAutomatedChecks(path.basename(testFile, '.test.ts'));
    await started?.close();
  }, 60_000);
  const app = (): BrowserApp => {
    if (!started) throw new Error('the browser app is not started yet (use it inside a hook or a test)');
    return started;
  };
  return {
    get url() {
      return app().url;
    },
    get app() {
      return app().app;
    },
    get dataDir() {
      return app().dataDir;
    },
    get browser() {
      return app().browser;
    },
    page: (options) => app().page(options),
    failureReport: () => app().failureReport(),
    close: () => app().close(),
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * A slow connection: the page's JavaScript is held back until `release()`, so the test can type into a page that is
 * shown but not yet hydrated, as people on a slow line do. Routing disables the HTTP cache, so every script waits.
 */
export async function holdScripts(page: Page): Promise<{ release(): Promise<void> }> {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  // SvelteKit's client modules, and the small script of the pages rendered on the server only ($lib/enhance).
  const pattern = (url: URL) =>
    (url.pathname.startsWith('/_app/immutable/') && url.pathname.endsWith('.js')) || url.pathname === '/enhance.js';
  const hold = async (route: Route) => {
    await gate;
    await route.continue();
  };
  await page.route(pattern, hold);
  return {
    async release() {
      open();
      await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
      await page.unroute(pattern, hold);
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Per axe rule, over every page checked in this test file: pages, elements that passed, elements in violation. */
const axeTally = new Map<string, { pages: number; passes: number; violations: number }>();
const axePages = new Set<string>();

/**
 * axe-core in the page; returns the violations that must not exist: serious and critical ones, and any violation of
 * a rule the accessibility statement maps to an RGAA criterion (a "moderate" heading-order still fails RGAA 9.1).
 * Every rule's result is tallied too, for the accessibility statement (`writeAutomatedChecks`).
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Runtime.evaluate is not subject to the page's CSP, unlike an injected <script>.
  await page.evaluate(axeSource);
  type Rule = { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> };
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const { violations, passes } = await axe.run();
    // Only what the tally needs crosses back (node lists can be large).
    const slim = (rules: Rule[]) =>
      rules.map((r) => ({
        id: r.id,
        impact: r.impact,
        help: r.help,
        nodes: r.nodes.slice(0, 5).map((n) => ({ target: n.target })),
        count: r.nodes.length,
      }));
    return { violations: slim(violations), passes: slim(passes) };
  });
  const url = new URL(page.url());
  axePages.add(`${url.pathname.replace(/[0-9a-f-]{36}/g, ':id')}`);
  const onThisPage = new Set<string>();
  for (const [kind, rules] of [
    ['passes', result.passes],
    ['violations', result.violations],
  ] as const) {
    for (const rule of rules) {
      const entry = axeTally.get(rule.id) ?? { pages: 0, passes: 0, violations: 0 };
      if (!onThisPage.has(rule.id)) entry.pages += 1;
      onThisPage.add(rule.id);
      entry[kind] += rule.count;
      axeTally.set(rule.id, entry);
    }
  }
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || RGAA_RULES.has(v.id))
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
}

/**
 * Writes what axe-core checked in this test file to src/lib/server/accessibility/automated/<name>.json, the data
 * the accessibility statement (/accessibilite) is built from: its date, the pages, and per rule the counts.
 */
export async function writeAutomatedChecks(name: string): Promise<void> {
  if (axeTally.size === 0 || process.env.AXE_RECORD !== '1') return;
  const axeVersion = (
    JSON.parse(readFileSync(createRequire(import.meta.url).resolve('axe-core/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const rules = Object.fromEntries([...axeTally].sort(([a], [b]) => a.localeCompare(b)));
  const report = {
    testFile: `tests/browser/${name}.test.ts`,
    date: new Date().toISOString().slice(0, 10),
    axeVersion,
    pages: [...axePages].sort(),
    rules,
  };
  const file = path.join(root, 'src/lib/server/accessibility/automated', `${name}.json`);
  const options = await prettier.resolveConfig(file);
  writeFileSync(file, await prettier.format(JSON.stringify(report), { ...options, parser: 'json' }));
}

/** Signs in through the sign-in page, as a person would (typing may start before the page is hydrated), then lands on `then`. */
export async function signIn(page: Page, email: string, password: string, then = '/'): Promise<void> {
  await page.goto(`/connexion?redirectTo=${encodeURIComponent(then)}`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.waitForURL((url) => url.pathname === then.split('?')[0]);
}

/** The demo accounts (src/lib/server/demo/accounts.ts). */
export const DEMO = {
  foreign: { email: 'mairie@demo-ziguinchor.sn', password: 'casamance-partenaires' },
  correspondent: { email: 'correspondant@demo.bourse-projets.fr', password: 'ambassade-dakar-rabat' },
  french: { email: 'international@demo-lannion.fr', password: 'tregor-cooperation' },
  admin: { email: 'admin@demo.bourse-projets.fr', password: 'delegation-action-exterieure' },
} as const;
