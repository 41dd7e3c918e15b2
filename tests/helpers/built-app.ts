// The built app (dist/ + build/) copied to a private directory, so that a process started from it is not
// disturbed by a rebuild of the shared checkout (several people build here at once). node_modules is linked.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const inputs = ['src', 'static', 'drizzle', 'scripts', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newest(p: string): number {
  const full = path.join(repoRoot, p);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce((max, entry) => Math.max(max, newest(path.join(p, entry))), 0);
}

/** Runs `npm run build` when the build is missing or older than the sources (as `npm start` does). */
export function ensureBuild(log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): void {
  const stamp = path.join(repoRoot, 'dist', '.build-stamp');
  const built = existsSync(stamp) && existsSync(path.join(repoRoot, 'build', 'handler.js')) ? statSync(stamp).mtimeMs : 0;
  if (built >= Math.max(...inputs.map(newest))) return;
  log('the build is missing or older than the sources: running `npm run build`…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('npm run build failed');
}

const REQUIRED = ['dist/.build-stamp', 'dist/server.js', 'build/handler.js', 'build/index.js', 'build/client', 'build/server/chunks'];

/** Copies the current build to a temp dir (retrying while a concurrent build rewrites it); returns its root. */
export async function snapshotBuild(): Promise<{ root: string; remove(): void }> {
  for (let attempt = 1; ; attempt++) {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bourse-built-'));
    try {
      for (const dir of ['dist', 'build', 'drizzle']) cpSync(path.join(repoRoot, dir), path.join(root, dir), { recursive: true });
      cpSync(path.join(repoRoot, 'package.json'), path.join(root, 'package.json'));
      const passwords = 'src/lib/server/auth/common-passwords.txt';
      mkdirSync(path.dirname(path.join(root, passwords)), { recursive: true });
      cpSync(path.join(repoRoot, passwords), path.join(root, passwords));
      symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
      if (REQUIRED.every((f) => existsSync(path.join(root, f)))) return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
    } catch {
      // a concurrent build removed files while we copied
    }
    rmSync(root, { recursive: true, force: true });
    if (attempt >= 30) throw new Error('could not snapshot a complete build (is a build running?)');
    await new Promise((r) => setTimeout(r, 5_000));
  }
}
