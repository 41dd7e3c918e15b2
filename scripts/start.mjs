// `npm start`: build when the build is missing or older than the sources, then run the bundled server in
// this same process (signals reach it directly).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildState } from './build-freshness.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const state = buildState(root);
if (state !== 'fresh') {
  console.log(
    state === 'stale'
      ? 'Sources changed since the last build: rebuilding…'
      : 'No build yet: building (about a minute)…',
  );
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Build failed: see the output above.');
    process.exit(result.status ?? 1);
  }
}
await import(path.join(root, 'dist', 'server.js'));
