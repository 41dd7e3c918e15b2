import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// The fault tests run the BUILT app (dist/server.js + build/): build first when it is missing or older than the
// sources, as `npm start` does (scripts/start.mjs). In CI `npm test` has just built, so this is a no-op.
const root = path.resolve(import.meta.dirname, '../..');
const inputs = ['src', 'static', 'drizzle', 'scripts', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newest(p: string): number {
  const full = path.join(root, p);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce((max, entry) => Math.max(max, newest(path.join(p, entry))), 0);
}

export default function ensureBuild() {
  const stamp = path.join(root, 'dist', '.build-stamp');
  const built = existsSync(stamp) && existsSync(path.join(root, 'build', 'handler.js')) ? statSync(stamp).mtimeMs : 0;
  if (built >= Math.max(...inputs.map(newest))) return;
  process.stdout.write('fault tests: the build is missing or stale, running `npm run build`…\n');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}
