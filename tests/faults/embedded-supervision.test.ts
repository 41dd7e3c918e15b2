import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { connectDatabase } from '../../src/lib/server/db/index.js';
import { runningEmbeddedServices } from '../../src/lib/server/embedded/running.js';
import type { Services } from '../../src/lib/server/runtime/services.js';
import { startAppProcess, waitForHealth, type AppProcess } from '../helpers/app-process.js';
import { call, eventually, indexAndPostgres, loginOver } from './harness.js';

// `npm start` mode: the app runs its own PostgreSQL and Meilisearch. Killed with -9 under it, each comes back
// by itself, without restarting the app.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bourse-supervised-'));
chmodSync(dataDir, 0o755);
let app: AppProcess;

const pidOf = (service: 'meilisearch' | 'postgres') =>
  Number(
    readFileSync(
      service === 'meilisearch'
        ? path.join(dataDir, 'meilisearch.pid')
        : path.join(dataDir, 'postgres', 'postmaster.pid'),
      'utf8',
    ).split('\n')[0],
  );

beforeAll(async () => {
  app = await startAppProcess({ DATA_DIR: dataDir, DEMO_DATA: 'true', LOG_LEVEL: 'info' }, inject('builtAppRoot'));
  await waitForHealth(app);
  await eventually(async () => {
    const res = await call(`${app.url}/api/v1/search?q=eau`);
    expect(res.body.degraded).toBe(false);
    expect(res.body.hits.length).toBeGreaterThan(0);
  });
}, 180_000);
afterAll(async () => {
  if (process.env.FAULTS_DEBUG) process.stdout.write(app?.output() ?? '');
  if (app && app.child.exitCode === null) {
    app.child.kill('SIGTERM');
    await app.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded services supervised by the app', () => {
  it('Meilisearch killed -9: search degrades, the service is back within 15 s, and the index equals PostgreSQL', async () => {
    const correspondent = await loginOver(app.url, 'correspondant@demo.bourse-projets.fr', 'ambassade-dakar-rabat');
    const before = pidOf('meilisearch');
    const killedAt = Date.now();
    process.kill(before, 'SIGKILL');

    // While it is down: search answers from PostgreSQL, and a decision is taken (it reaches the index later).
    const degraded = await call(`${app.url}/api/v1/search?q=eau`);
    expect(degraded.status).toBe(200);
    expect(degraded.body.degraded).toBe(true);
    const queue = await call(`${app.url}/api/v1/moderation/queue`, { headers: correspondent });
    const waiting = queue.body.items.find(
      (i: { kind: string; authorityVerified: boolean }) => i.kind === 'new' && i.authorityVerified,
    );
    expect(waiting, JSON.stringify(queue.body)).toBeTruthy();
    const decided = await call(`${app.url}/api/v1/listings/${waiting.listing.id}/decision`, {
      method: 'POST',
      headers: correspondent,
      body: { decision: 'approve' },
    });
    expect(decided.status, decided.text).toBe(200);

    await eventually(async () => {
      const health = await call(`${app.url}/api/health`);
      expect(health.body.meilisearch).toBe('ok');
      const search = await call(`${app.url}/api/v1/search?q=eau`);
      expect(search.body.degraded).toBe(false);
    }, 15_000);
    const backWithinMs = Date.now() - killedAt;
    expect(backWithinMs).toBeLessThan(15_000);
    expect(pidOf('meilisearch')).not.toBe(before);
    expect(app.child.exitCode).toBeNull();
    expect(app.output()).toMatch(/embedded Meilisearch exited unexpectedly: restarting/);
    expect(app.output()).toMatch(/"signal":"SIGKILL"/);
    expect(app.output()).toMatch(/embedded Meilisearch restarted/);
    if (process.env.FAULTS_FIGURES)
      process.stdout.write(`meilisearch back (health ok, search not degraded) ${backWithinMs} ms after kill -9\n`);

    // The outbox caught up: the index holds exactly what PostgreSQL says, the decision included.
    const env = runningEmbeddedServices(dataDir, {});
    const { sql, db } = connectDatabase(env.DATABASE_URL!, { max: 2 });
    const meili = new Meilisearch({ host: env.MEILI_URL!, apiKey: env.MEILI_MASTER_KEY! });
    try {
      await eventually(async () => {
        const { indexed, expected } = await indexAndPostgres({ db, meili } as unknown as Services, '');
        expect(indexed.map((d) => d.id)).toContain(waiting.listing.id);
        expect(indexed).toEqual(expected);
      }, 30_000);
    } finally {
      await sql.end();
    }
  }, 120_000);

  it('PostgreSQL killed -9: 503 with Retry-After while it restarts, then the app serves again by itself', async () => {
    const before = pidOf('postgres');
    process.kill(before, 'SIGKILL');
    const killedAt = Date.now();
    let sawUnavailable = false;
    await eventually(async () => {
      const res = await fetch(`${app.url}/api/v1/listings`, { signal: AbortSignal.timeout(20_000) });
      if (res.status === 503) {
        sawUnavailable = true;
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(res.status).toBe(200);
    }, 60_000);
    const backWithinMs = Date.now() - killedAt;
    if (process.env.FAULTS_FIGURES) process.stdout.write(`postgres back (API 200) ${backWithinMs} ms after kill -9\n`);
    expect(sawUnavailable).toBe(true);
    expect(pidOf('postgres')).not.toBe(before);
    expect(app.child.exitCode).toBeNull();
    expect(app.output()).toMatch(/embedded PostgreSQL exited unexpectedly: restarting/);
    expect((await call(`${app.url}/api/health`)).body).toMatchObject({ status: 'ok', postgres: 'ok' });
  }, 120_000);
});
