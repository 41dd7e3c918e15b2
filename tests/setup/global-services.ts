import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../../src/lib/server/logger.js';
import { runMigrations } from '../../src/lib/server/db/migrate.js';
import { startEmbeddedMeilisearch } from '../../src/lib/server/embedded/meilisearch.js';
import { startEmbeddedPostgres } from '../../src/lib/server/embedded/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    meiliUrl: string;
    meiliMasterKey: string;
    meiliDataDir: string;
    /** A database migrated once for the run; each test file's database is a copy of it (tests/helpers/services.ts). */
    templateDatabase: string;
  }
}

interface Shared {
  postgresUrl: string;
  meiliUrl: string;
  meiliMasterKey: string;
  meiliDataDir: string;
  templateDatabase: string;
  stop(): Promise<void>;
}

// Both vitest projects (in-process and built-app, vite.config.ts) list this setup; they run in one process, so the
// second finds the servers the first started instead of starting its own.
const key = Symbol.for('bourse-projets.test-services');
const registry = globalThis as unknown as Record<symbol, { shared: Promise<Shared>; users: number } | undefined>;

async function start(): Promise<Shared> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bourse-test-'));
  chmodSync(dataDir, 0o755);
  const logger = createLogger({ logLevel: 'warn' });
  const [pg, meili] = await Promise.all([
    startEmbeddedPostgres({ dataDir, logger }),
    startEmbeddedMeilisearch({ dataDir, logger }),
  ]);
  // Migrating is the slow part of a fresh database: done once here, then CREATE DATABASE … TEMPLATE copies it.
  const templateDatabase = 'test_template';
  const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${templateDatabase}`);
  await admin.end();
  const templateUrl = new URL(pg.url);
  templateUrl.pathname = `/${templateDatabase}`;
  await runMigrations(templateUrl.toString());
  return {
    postgresUrl: pg.url,
    meiliUrl: meili.url,
    meiliMasterKey: meili.masterKey,
    meiliDataDir: dataDir,
    templateDatabase,
    async stop() {
      await Promise.allSettled([pg.stop(), meili.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One real PostgreSQL and one real Meilisearch for the whole run; each test file carves out its own space. */
export default async function setup(project: TestProject) {
  const entry = (registry[key] ??= { shared: start(), users: 0 });
  entry.users++;
  const shared = await entry.shared;
  project.provide('postgresUrl', shared.postgresUrl);
  project.provide('meiliUrl', shared.meiliUrl);
  project.provide('meiliMasterKey', shared.meiliMasterKey);
  project.provide('meiliDataDir', shared.meiliDataDir);
  project.provide('templateDatabase', shared.templateDatabase);
  return async () => {
    if (--entry.users > 0) return;
    registry[key] = undefined;
    await shared.stop();
  };
}
