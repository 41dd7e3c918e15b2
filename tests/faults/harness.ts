// Shared by the fault tests: private embedded PostgreSQL and Meilisearch (in a temp dir, on fixed ports so they
// can be killed and restarted where the app expects them), a migrated database with a cast of users, and the
// BUILT app run as real processes pointed at those services.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { inject } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { sql as dsql } from 'drizzle-orm';
import { loadConfig } from '../../src/lib/server/config.js';
import { listings, searchOutbox } from '../../src/lib/server/db/schema/index.js';
import { freePort } from '../../src/lib/server/embedded/child-process.js';
import { startEmbeddedMeilisearch } from '../../src/lib/server/embedded/meilisearch.js';
import { startEmbeddedPostgres, type EmbeddedService } from '../../src/lib/server/embedded/postgres.js';
import { createLogger } from '../../src/lib/server/logger.js';
import { startServices, type Services } from '../../src/lib/server/runtime/services.js';
import { loadSearchablePage, type ListingDocument } from '../../src/lib/server/search/document.js';
import { listingsIndexUid } from '../../src/lib/server/search/index-name.js';
import { startAppProcess, waitForHealth, type AppProcess } from '../helpers/app-process.js';
import { createAuthority, createUser } from '../helpers/fixtures.js';
import { eventually as eventuallyWithin } from '../search/listings.js';

const silent = createLogger({ logLevel: 'silent' });

export interface FaultWorld {
  dataDir: string;
  pg: EmbeddedService;
  meili: EmbeddedService & { masterKey: string };
  /** Services of the test process itself (no relay, no jobs): to seed and to read Postgres and the index. */
  services: Services;
  env: Record<string, string>;
  users: { author: { email: string; password: string }; correspondent: { email: string; password: string } };
  authority: { id: string; country: string };
  killPostgres(signal?: NodeJS.Signals): Promise<void>;
  restartPostgres(): Promise<void>;
  killMeilisearch(): Promise<void>;
  restartMeilisearch(): Promise<void>;
  /** An app process (dist/server.js) on these services; its own DATA_DIR (for mails) unless given. */
  startApp(extra?: Record<string, string>): Promise<AppProcess>;
  close(): Promise<void>;
}

async function waitExit(pid: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`process ${pid} still alive after ${timeoutMs} ms`);
}

export async function createFaultWorld(name: string): Promise<FaultWorld> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `bourse-fault-${name}-`));
  chmodSync(dataDir, 0o755);
  const [pgPort, meiliPort] = [await freePort(), await freePort()];
  let pg = await startEmbeddedPostgres({ dataDir, logger: silent, port: pgPort });
  let meili = await startEmbeddedMeilisearch({ dataDir, logger: silent, port: meiliPort });
  const env = {
    DATABASE_URL: pg.url,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: 'fault_',
    DEMO_DATA: 'false',
    NODE_ENV: 'test',
    AUTH_RATE_LIMIT: '0',
    SEARCH_RATE_LIMIT: '0',
    LOG_LEVEL: 'warn',
  };
  const config = loadConfig({ ...env, DATA_DIR: path.join(dataDir, 'tests'), LOG_LEVEL: 'silent' });
  const services = await startServices(config, silent);
  const authorityRow = await createAuthority(services, {
    kind: 'foreign',
    country: 'SN',
    name: 'Commune de Ziguinchor',
  });
  const author = await createUser(services, { role: 'foreign_authority', authorityId: authorityRow.id });
  const correspondent = await createUser(services, { role: 'correspondent', countries: ['SN'] });
  const apps: AppProcess[] = [];

  const world: FaultWorld = {
    dataDir,
    get pg() {
      return pg;
    },
    get meili() {
      return meili;
    },
    services,
    env,
    users: { author, correspondent },
    authority: { id: authorityRow.id, country: authorityRow.country },
    async killPostgres(signal = 'SIGINT') {
      if (signal === 'SIGINT') return pg.stop();
      process.kill(pg.pid, signal);
      await waitExit(pg.pid);
    },
    async restartPostgres() {
      pg = await startEmbeddedPostgres({ dataDir, logger: silent, port: pgPort });
    },
    async killMeilisearch() {
      process.kill(meili.pid, 'SIGKILL');
      await waitExit(meili.pid);
    },
    async restartMeilisearch() {
      meili = await startEmbeddedMeilisearch({ dataDir, logger: silent, port: meiliPort });
    },
    async startApp(extra = {}) {
      const app = await startAppProcess(
        { ...env, DATA_DIR: mkdtempSync(path.join(dataDir, 'app-')), ...extra },
        inject('builtAppRoot'),
      );
      apps.push(app);
      await waitForHealth(app);
      return app;
    },
    async close() {
      if (process.env.FAULTS_DEBUG)
        for (const app of apps) process.stdout.write(`--- app ${app.url}\n${app.output()}\n`);
      for (const app of apps)
        if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
      await services.close().catch(() => undefined);
      await Promise.allSettled([pg.stop(), meili.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/** JSON over HTTP with a deadline: a request that hangs fails the test instead of stalling it. */
export async function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read any JSON shape
): Promise<{ status: number; type: string; body: any; text: string }> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (a page)
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', body, text };
}

export async function loginOver(baseUrl: string, email: string, password: string): Promise<Record<string, string>> {
  const res = await call(`${baseUrl}/api/v1/auth/login`, { method: 'POST', body: { email, password } });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
  return { authorization: `Bearer ${res.body.token}` };
}

export async function outboxSize(services: Services): Promise<number> {
  const [row] = await services.db.select({ n: dsql<number>`count(*)::int` }).from(searchOutbox);
  return row?.n ?? -1;
}

export async function countListings(services: Services): Promise<number> {
  const [row] = await services.db.select({ n: dsql<number>`count(*)::int` }).from(listings);
  return row?.n ?? -1;
}

/** Every document of the live index and what Postgres says it should hold, both sorted by id. */
export async function indexAndPostgres(services: Services, prefix = 'fault_') {
  const index = services.meili.index<ListingDocument>(listingsIndexUid(prefix));
  const indexed: ListingDocument[] = [];
  for (let offset = 0; ; offset += 1_000) {
    const { results } = await index.getDocuments({ limit: 1_000, offset });
    indexed.push(...results);
    if (results.length < 1_000) break;
  }
  const expected = await loadSearchablePage(services.db, null, 100_000);
  const byId = (a: ListingDocument, b: ListingDocument) => a.id.localeCompare(b.id);
  return { indexed: indexed.sort(byId), expected: expected.sort(byId) };
}

/** Polls until `check` stops throwing (60 s by default: these tests restart whole services). */
export const eventually = <T>(check: () => Promise<T>, timeoutMs = 60_000) => eventuallyWithin(check, timeoutMs);
