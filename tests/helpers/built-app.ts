// The built app assembled as the production image's runtime stage assembles it (the Dockerfile's COPY list,
// read from the Dockerfile) in a private directory, so that a process started from it is not disturbed by a
// rebuild of the shared checkout (several people build here at once), and so that a file the server needs at
// run time but the image does not copy fails the tests that start it. node_modules is linked, not copied.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildState } from '../../scripts/build-freshness.mjs';
import { readDockerfile } from './dockerfile.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Runs `npm run build` when the build is missing or older than the sources (the same check as `npm start`). */
export function ensureBuild(log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): void {
  if (buildState(repoRoot) === 'fresh') return;
  log('the build is missing or older than the sources: running `npm run build`…');
  // A production build whoever asks: under vitest NODE_ENV is 'test', and Vite then resolves Svelte's `development`
  // exports (its dev-time checks and warnings): 10 KB more gzip per page, measured by the Lighthouse bench that
  // reused the build the tests had made (search page 74.5 KB instead of 64.7 KB).
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('npm run build failed');
}

const REQUIRED = [
  'dist/.build-stamp',
  'dist/server.js',
  'build/handler.js',
  'build/index.js',
  'build/client',
  'build/server/chunks',
];

/** Copies what the runtime stage copies to a temp dir (retrying while a concurrent build rewrites it). */
export async function snapshotBuild(): Promise<{ root: string; remove(): void }> {
  const { runtimeCopies } = readDockerfile(path.join(repoRoot, 'Dockerfile'));
  for (let attempt = 1; ; attempt++) {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bourse-built-'));
    try {
      for (const { from, to } of runtimeCopies) {
        const target = path.join(root, to);
        if (from === 'node_modules') {
          symlinkSync(path.join(repoRoot, 'node_modules'), target);
          continue;
        }
        mkdirSync(path.dirname(target), { recursive: true });
        cpSync(path.join(repoRoot, from), target, { recursive: true });
      }
      if (REQUIRED.every((f) => existsSync(path.join(root, f))))
        return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
    } catch {
      // a concurrent build removed files while we copied
    }
    rmSync(root, { recursive: true, force: true });
    if (attempt >= 30) throw new Error('could not snapshot a complete build (is a build running?)');
    await new Promise((r) => setTimeout(r, 5_000));
  }
}
