import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { dsfrUsedOnly } from './scripts/postcss-dsfr-used-only.js';
import { svgDataUrisToFiles } from './scripts/postcss-svg-files.js';
import { apiDevPlugin } from './scripts/vite-api-dev-plugin.js';
import { paraglideLocaleSplit } from './scripts/vite-paraglide-locale-split.js';
import { sveltekitDocumentData } from './scripts/vite-sveltekit-document-data.js';

// Kill/restart tests on real processes and the Dockerfile replayed: `npm run test:faults` (vitest.faults.config.ts).
const EXCLUDED = ['tests/faults/**', 'tests/production/**', '**/node_modules/**'];
/** The test files that run the built app (dist/server.js, dist/cli.js) or drive it in a browser. */
const BUILT_APP = [
  'tests/browser/**/*.test.ts',
  'tests/auth/pages.test.ts',
  'tests/auth/pages-hardening.test.ts',
  'tests/hostile/pages-fuzz.test.ts',
  'tests/hostile/stored-xss.test.ts',
  'tests/system/server-process.test.ts',
  'tests/system/reference-data-child.test.ts',
  'tests/cli/operator-cli.test.ts',
  'tests/trust/page-actions.test.ts',
  'tests/countries/contact-page.test.ts',
  'tests/cofinancing/search-page-names.test.ts',
];

export default defineConfig({
  plugins: [
    apiDevPlugin(),
    // Messages compile offline: project.inlang loads its plugin from node_modules, not a CDN (src/lib/i18n/README.md).
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/lib/paraglide',
      strategy: ['url', 'baseLocale'],
      // One module per message, so each page bundles only the strings it uses (the plugin's default depends on NODE_ENV).
      outputStructure: 'message-modules',
    }),
    // In the browser build, the French text stays in each message module and the other locales' texts go into one
    // dictionary per locale, loaded before hydration (the modules carried six locales each: issue #18).
    paraglideLocaleSplit('./project.inlang'),
    // Pages with csr = false skip SvelteKit's hydration-data serialization they never send (issue #18).
    sveltekitDocumentData(),
    sveltekit(),
  ],
  css: { postcss: { plugins: [svgDataUrisToFiles(), dsfrUsedOnly()] } },
  // SVG images stay files (see scripts/postcss-svg-files.ts).
  build: { assetsInlineLimit: (file) => (file.endsWith('.svg') ? false : undefined) },
  // The build once grouped the message modules into one shared chunk (rolldown codeSplitting groups, commit a51c6d0):
  // the pages then failed to hydrate ("Cannot read properties of undefined (reading 'data')" in the client, every page
  // stayed server-rendered only). Removed until a grouping is proved by the browser tests.
  server: { port: Number(process.env.PORT ?? 3000), strictPort: true },
  test: {
    // Two projects, one run (`npm test`, or `npx vitest run --project in-process` for the quick half):
    // - in-process: the app's code in the test process (services, Fastify inject, SvelteKit handlers), no build;
    // - built-app: the files that start the built server or a browser; their global setup builds once when the build
    //   is missing or stale (scripts/build-freshness.mjs, the check `npm start` makes) and copies it once for all.
    // A new test file that runs dist/ or build/ goes in BUILT_APP.
    projects: [
      {
        extends: true,
        test: {
          name: 'in-process',
          include: ['tests/**/*.test.ts'],
          exclude: [...EXCLUDED, ...BUILT_APP],
          globalSetup: ['tests/setup/global-services.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'built-app',
          include: BUILT_APP,
          exclude: EXCLUDED,
          globalSetup: ['tests/setup/global-services.ts', 'tests/setup/built-app.ts'],
        },
      },
    ],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
