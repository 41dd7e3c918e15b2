// Bundles the Node entry (Fastify + services) into dist/server.js; SvelteKit's own build lives in build/.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// A clean dist/: the image copies all of it.
rmSync('dist', { recursive: true, force: true });
// reference-data: the child process in which the server loads the French authorities at start-up.
const entries = { server: 'src/server.ts', cli: 'src/cli/index.ts', 'reference-data': 'src/reference-data.ts' };
await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
});
mkdirSync('dist', { recursive: true });
writeFileSync('dist/.build-stamp', new Date().toISOString());
console.log('server bundled into dist/');
