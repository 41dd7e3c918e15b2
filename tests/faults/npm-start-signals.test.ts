import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/lib/server/embedded/child-process.js';
import { processesMentioning, waitUntil } from '../helpers/app-process.js';
import { repoRoot } from '../helpers/built-app.js';

// `npm start` as a person or a supervisor runs it: npm → the start script → the server → embedded PostgreSQL
// and Meilisearch. A signal to any process of that chain stops all of it, with exit code 0.
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function startNpmStart() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bourse-npm-start-'));
  chmodSync(dataDir, 0o755);
  dirs.push(dataDir);
  const port = await freePort();
  const npm = spawn('npm', ['start'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      REFERENCE_DATA: 'false',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout!.on('data', (c) => (output += c));
  npm.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) =>
    npm.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))),
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline || npm.exitCode !== null) throw new Error(`npm start never became healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  /** Every descendant of npm, depth first. */
  const tree = (pid = npm.pid!): number[] => childrenOf(pid).flatMap((c) => [c, ...tree(c)]);
  const server = tree().find((pid) => {
    const [argv0, ...args] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return path.basename(argv0!) === 'node' && args.includes('scripts/start.mjs');
  });
  return { npm, dataDir, exited, tree, server: server!, output: () => output };
}

describe('signals along the npm start chain', () => {
  for (const [target, signal] of [
    ['npm', 'SIGTERM'],
    ['npm', 'SIGINT'],
    ['server', 'SIGTERM'],
  ] as const) {
    it(`${signal} to ${target === 'npm' ? 'the npm process' : 'the server process'} stops every process, exit code 0`, async () => {
      const run = await startNpmStart();
      expect(
        run.server,
        `no server process under npm:\n${run
          .tree()
          .map((p) => readFileSync(`/proc/${p}/cmdline`, 'utf8'))
          .join('\n')}`,
      ).toBeTruthy();
      const before = [run.npm.pid!, ...run.tree()];
      expect(processesMentioning(run.dataDir).length).toBeGreaterThanOrEqual(2); // PostgreSQL and Meilisearch
      process.kill(target === 'npm' ? run.npm.pid! : run.server, signal);
      expect(await run.exited, run.output()).toBe(0);
      const alive = () =>
        before.filter((pid) => {
          try {
            process.kill(pid, 0);
            return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
          } catch {
            return false;
          }
        });
      expect(
        await waitUntil(() => alive().length === 0 && processesMentioning(run.dataDir).length === 0, 20_000),
        `left: ${alive().join(', ')}`,
      ).toBe(true);
    }, 180_000);
  }
});
