import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/**
 * The repository (or image) root: the nearest folder above this module holding a `drizzle/` folder. Works from
 * `src/`, from the bundled `dist/server.js` and from SvelteKit's `build/server/chunks/`.
 */
export function appRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (dir !== path.dirname(dir)) {
    if (existsSync(path.join(dir, 'drizzle')) && existsSync(path.join(dir, 'package.json'))) return (cached = dir);
    dir = path.dirname(dir);
  }
  return (cached = process.cwd());
}
