// `npm start`: build when the build is missing or older than the sources, then run the bundled server in
// this same process (signals reach it directly).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const inputs = ['src', 'static', 'drizzle', 'scripts', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newestMtime(p) {
  const full = path.join(root, p);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

const stamp = path.join(root, 'dist', '.build-stamp');
const handler = path.join(root, 'build', 'handler.js');
const built = existsSync(stamp) && existsSync(handler) ? statSync(stamp).mtimeMs : 0;
const newestSource = Math.max(...inputs.map(newestMtime));
if (built < newestSource) {
  console.log(built ? 'Sources changed since the last build: rebuilding…' : 'No build yet: building (about a minute)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Build failed: see the output above.');
    process.exit(result.status ?? 1);
  }
}
await import(path.join(root, 'dist', 'server.js'));
