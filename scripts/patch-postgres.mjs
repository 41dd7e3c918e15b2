// postinstall: guards postgres.js 3.4.9 against writing to a connection whose server went away.
//
// Its small writes are deferred with setImmediate(nextWrite); when the connection closed meanwhile (PostgreSQL
// restarted, a backend killed) nextWrite dereferences a null socket and throws from the immediate, which no
// caller can catch: the whole process dies. A transaction in flight triggers it every time (its ROLLBACK is
// written on the dead connection). Upstream: porsager/postgres#1154, #1208 (proposed fixes #1168, #1209, not
// released). Same fix here: a write on a closed connection rejects its queries with CONNECTION_CLOSED, and the
// write scheduler is reset when the connection closes. Idempotent; fails loudly if the file changed shape.
// Proven by tests/faults/postgres-restart.test.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const MARK = '/* bourse-projets: guarded nextWrite */';
const require = createRequire(import.meta.url);
let root;
try {
  // The package's exports hide package.json: walk up from its entry point.
  root = path.dirname(require.resolve('postgres'));
  const isPackageRoot = (dir) => existsSync(path.join(dir, 'package.json')) && JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'postgres';
  while (!isPackageRoot(root)) {
    if (root === path.dirname(root)) process.exit(0);
    root = path.dirname(root);
  }
} catch {
  process.exit(0); // not installed (yet): nothing to patch
}

const ORIGINAL_NEXT_WRITE = `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`;
const GUARDED_NEXT_WRITE = `  function nextWrite(fn) {
    ${MARK}
    if (!socket) {
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`;
const ORIGINAL_CLOSED = `    remaining = 0
    incomings = null
    clearImmediate(nextWriteTimer)
    socket.removeListener('data', data)`;
const RESET_CLOSED = `    remaining = 0
    incomings = null
    clearImmediate(nextWriteTimer)
    chunk = nextWriteTimer = null
    socket.removeListener('data', data)`;

for (const file of ['src/connection.js', 'cjs/src/connection.js']) {
  const full = path.join(root, file);
  if (!existsSync(full)) continue;
  const source = readFileSync(full, 'utf8');
  if (source.includes(MARK)) continue;
  if (!source.includes(ORIGINAL_NEXT_WRITE) || !source.includes(ORIGINAL_CLOSED)) {
    console.error(`patch-postgres: ${full} is not the postgres.js 3.4.9 this patch was written for; check whether upstream fixed #1208 and drop or update scripts/patch-postgres.mjs`);
    process.exit(1);
  }
  writeFileSync(full, source.replace(ORIGINAL_NEXT_WRITE, GUARDED_NEXT_WRITE).replace(ORIGINAL_CLOSED, RESET_CLOSED));
  console.log(`patch-postgres: guarded nextWrite in ${file}`);
}
