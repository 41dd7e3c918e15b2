import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processesMentioning, startAppProcess, waitForHealth, waitUntil } from '../helpers/app-process.js';

// One process, one port, embedded services: the way `npm start` runs, measured from the outside.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bourse-app-'));
chmodSync(dataDir, 0o755);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the app process with embedded services', () => {
  it('serves a SvelteKit page and the API on one port, then stops with no child left (SIGTERM)', async () => {
    const app = await startAppProcess({ DATA_DIR: dataDir });
    await waitForHealth(app);
    const health = await (await fetch(`${app.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', postgres: 'ok', meilisearch: 'ok' });

    const page = await fetch(`${app.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('Bourse-projets');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");

    expect(processesMentioning(dataDir).length).toBeGreaterThanOrEqual(2);
    app.child.kill('SIGTERM');
    const { code } = await app.exited;
    expect(code).toBe(0);
    expect(await waitUntil(() => processesMentioning(dataDir).length === 0)).toBe(true);
  }, 120_000);

  it('stops cleanly on SIGTERM while answering requests, though their clients keep the connections alive', async () => {
    const app = await startAppProcess({ DATA_DIR: dataDir });
    await waitForHealth(app);
    // Node's fetch keeps each connection open after its answer (71 s here): they must not hold the shutdown.
    const answers = Array.from({ length: 40 }, (_, i) =>
      fetch(`${app.url}${i % 2 ? '/api/v1/search?q=eau' : '/recherche?q=eau'}`).then(
        async (res) => (await res.text(), res.status),
        () => 'reset',
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    app.child.kill('SIGTERM');
    const statuses = await Promise.all(answers);
    const { code } = await app.exited;
    // 0, not the 1 of the forced exit that follows a shutdown stuck for 25 s.
    expect(code).toBe(0);
    expect(app.output()).toContain('http server closed');
    // Every request got an answer or, arriving as the server closed, a 503 or a reset connection: never a 5xx else.
    for (const status of statuses) expect([200, 503, 'reset']).toContain(status);
  }, 120_000);

  it('leaves no orphan when the app is killed -9, and the next start recovers the stale pid files', async () => {
    const app = await startAppProcess({ DATA_DIR: dataDir });
    await waitForHealth(app);
    app.child.kill('SIGKILL');
    await app.exited;
    expect(await waitUntil(() => processesMentioning(dataDir).length === 0)).toBe(true);
    // A run killed harder (power loss, kill -9 of the whole group) leaves pid files naming processes that are
    // gone or, worse, reused by an unrelated process: here, this very test worker.
    const pgPidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    writeFileSync(pgPidFile, `${process.pid}\n${path.join(dataDir, 'postgres')}\n`);
    writeFileSync(path.join(dataDir, 'meilisearch.pid'), '999999\n');

    const again = await startAppProcess({ DATA_DIR: dataDir });
    await waitForHealth(again);
    again.child.kill('SIGINT');
    expect((await again.exited).code).toBe(0);
    expect(await waitUntil(() => processesMentioning(dataDir).length === 0)).toBe(true);
  }, 120_000);

  it('stops at start-up with one line naming a wrong variable', async () => {
    const app = await startAppProcess({ DATA_DIR: dataDir, PORT: 'not-a-port' });
    const { code } = await app.exited;
    expect(code).not.toBe(0);
    const lines = app.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PORT .*integer/);
  });
});
