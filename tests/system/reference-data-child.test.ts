import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess, waitForHealth, waitUntil, type AppProcess } from '../helpers/app-process.js';
import { builtApp } from '../helpers/run-build.js';

// The built server loads the French authorities in a child process (dist/reference-data.js), so that the memory
// of the one-time load goes away with it: the load must still be complete, stop with the server, and resume.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bourse-refdata-'));
chmodSync(dataDir, 0o755);
let build: Awaited<ReturnType<typeof builtApp>>;
beforeAll(async () => {
  build = await builtApp();
});
afterAll(() => {
  build?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

const logLines = (app: AppProcess) =>
  app
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg: string; pid?: number; percent?: number; rows?: number });

/** The pid of the child the app said it started for the load. */
function childPid(app: AppProcess): number | undefined {
  return logLines(app).find((l) => l.msg === 'reference data: checking in a child process')?.pid;
}

/** Gone, or a zombie its parent has not reaped yet. */
const gone = (pid: number) => !existsSync(`/proc/${pid}`) || /\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

async function frenchAuthority(app: AppProcess, q: string) {
  const res = await fetch(`${app.url}/api/v1/auth/french-authorities?q=${encodeURIComponent(q)}`);
  return ((await res.json()) as { results: Array<{ name: string; officialCode: string }> }).results;
}

describe('the reference data load of the built server', () => {
  it('stops with the server mid-load, resumes at the next start, loads everything in a child that then exits', async () => {
    const first = await startAppProcess({ DATA_DIR: dataDir, REFERENCE_DATA: 'true' }, build.root);
    await waitForHealth(first);
    expect(await waitUntil(() => logLines(first).some((l) => l.msg === 'French authorities: loading'), 60_000)).toBe(
      true,
    );
    const interrupted = childPid(first)!;
    expect(interrupted).toBeGreaterThan(0);
    expect(interrupted).not.toBe(first.child.pid);
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    expect(gone(interrupted)).toBe(true);
    expect(logLines(first).some((l) => l.msg === 'French authorities loaded')).toBe(false);

    const second = await startAppProcess({ DATA_DIR: dataDir, REFERENCE_DATA: 'true' }, build.root);
    try {
      await waitForHealth(second);
      expect(await waitUntil(() => logLines(second).some((l) => l.msg === 'French authorities loaded'), 120_000)).toBe(
        true,
      );
      expect(logLines(second).find((l) => l.msg === 'French authorities loaded')!.rows).toBeGreaterThan(36_000);
      const loader = childPid(second)!;
      expect(loader).not.toBe(second.child.pid);
      // Its work done, the child exits while the server goes on.
      expect(await waitUntil(() => gone(loader), 15_000)).toBe(true);
      expect(second.child.exitCode).toBe(null);
      expect((await frenchAuthority(second, 'Brest'))[0]).toMatchObject({ name: 'Brest', officialCode: '29019' });
      expect((await frenchAuthority(second, '242900314'))[0]).toBeDefined();
    } finally {
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
    }
  }, 300_000);
});
