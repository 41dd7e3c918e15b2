import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { dsfrUsedOnly } from './scripts/postcss-dsfr-used-only.js';
import { apiDevPlugin } from './scripts/vite-api-dev-plugin.js';

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
    sveltekit(),
  ],
  css: { postcss: { plugins: [dsfrUsedOnly()] } },
  // The build once grouped the message modules into one shared chunk (rolldown codeSplitting groups, commit a51c6d0):
  // the pages then failed to hydrate ("Cannot read properties of undefined (reading 'data')" in the client, every page
  // stayed server-rendered only). Removed until a grouping is proved by the browser tests.
  server: { port: Number(process.env.PORT ?? 3000), strictPort: true },
  test: {
    include: ['tests/**/*.test.ts'],
    // Kill/restart tests on real processes: `npm run test:faults` (vitest.faults.config.ts).
    exclude: ['tests/faults/**', 'tests/production/**', '**/node_modules/**'],
    globalSetup: ['tests/setup/global-services.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
