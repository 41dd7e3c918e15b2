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
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Message modules shared by several pages travel as ONE chunk (about 3 KB gzip) instead of ~20 requests of
          // a few hundred bytes each, which Lighthouse's mobile simulation counted into the first paint.
          groups: [{ name: 'messages', test: /[\\/]paraglide[\\/]messages[\\/]/, minShareCount: 2 }],
        },
      },
    },
  },
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
