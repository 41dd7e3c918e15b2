import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { apiDevPlugin } from './scripts/vite-api-dev-plugin.js';

export default defineConfig({
  plugins: [
    apiDevPlugin(),
    // Messages compile offline: project.inlang loads its plugin from node_modules, not a CDN (src/lib/i18n/README.md).
    paraglideVitePlugin({ project: './project.inlang', outdir: './src/lib/paraglide', strategy: ['url', 'baseLocale'] }),
    sveltekit(),
  ],
  server: { port: Number(process.env.PORT ?? 3000), strictPort: true },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global-services.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
