// The one answer to "is the build stale?", shared by `npm start` (scripts/start.mjs) and the tests that run the
// built app (tests/helpers/built-app.ts): the build is stale when it is missing or older than any source.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the build is made from: a change to any of these means rebuilding. */
export const BUILD_INPUTS = [
  'src',
  'static',
  'drizzle',
  'scripts',
  'patches',
  'svelte.config.js',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
];

function newestMtime(root, relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full)) newest = Math.max(newest, newestMtime(root, path.join(relative, entry)));
  return newest;
}

/**
 * @param {string} root the checkout
 * @returns {'missing' | 'stale' | 'fresh'}
 */
export function buildState(root) {
  const stamp = path.join(root, 'dist', '.build-stamp');
  if (
    !existsSync(stamp) ||
    !existsSync(path.join(root, 'build', 'handler.js')) ||
    !existsSync(path.join(root, 'dist', 'cli.js'))
  )
    return 'missing';
  const built = statSync(stamp).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(root, input) > built) ? 'stale' : 'fresh';
}
