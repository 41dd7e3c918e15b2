import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { loadConfig } from '../../src/lib/server/config.js';
import { createLogger } from '../../src/lib/server/logger.js';
import { startServices, type Services } from '../../src/lib/server/runtime/services.js';

export interface TestContext {
  services: Services;
  databaseUrl: string;
  databaseName: string;
  /** Drops the file's database and indexes. */
  cleanup(): Promise<void>;
}

/**
 * A database for one test file: a copy of the run's template, migrated once by the global setup (`fresh: true`
 * for an empty one, which the app then migrates itself).
 */
export async function createTestDatabase(name: string, { fresh = false } = {}): Promise<void> {
  const admin = postgres(inject('postgresUrl'), { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.unsafe(
          fresh ? `create database ${name}` : `create database ${name} template ${inject('templateDatabase')}`,
        );
        return;
      } catch (error) {
        // Two files copying the template at the same instant: PostgreSQL refuses the second ("source database is
        // being accessed by other users", 55006) for as long as the first copy takes.
        if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
}

/** A fresh database (migrated) and a private index prefix on the run's shared servers. */
export async function createTestServices(
  env: Record<string, string> = {},
  { freshDatabase = false } = {},
): Promise<TestContext> {
  const suffix = randomBytes(5).toString('hex');
  const databaseName = `test_${suffix}`;
  const adminUrl = inject('postgresUrl');
  await createTestDatabase(databaseName, { fresh: freshDatabase });
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  const databaseUrl = url.toString();
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    MEILI_URL: inject('meiliUrl'),
    MEILI_MASTER_KEY: inject('meiliMasterKey'),
    MEILI_INDEX_PREFIX: `t${suffix}_`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
    DEMO_DATA: 'false',
    // Mails without SMTP land in DATA_DIR/outbox: keep each file's apart, and out of the repository.
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), `bourse-data-${suffix}-`)),
    // Rate limits off unless a test turns them on: a busy test file must not be throttled by accident.
    AUTH_RATE_LIMIT: '0',
    SEARCH_RATE_LIMIT: '0',
    REGISTRATION_LIMIT_PER_IP: '0',
    REGISTRATION_LIMIT_PER_COUNTRY: '0',
    ...env,
  });
  const services = await startServices(config, createLogger(config));
  return {
    services,
    databaseUrl,
    databaseName,
    async cleanup() {
      const indexes = await services.meili.getIndexes({ limit: 1000 }).catch(() => ({ results: [] }));
      await Promise.all(
        indexes.results
          .filter((i) => i.uid.startsWith(config.meiliIndexPrefix))
          .map((i) => services.meili.deleteIndex(i.uid)),
      );
      await services.close();
      const admin2 = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin2.unsafe(`drop database if exists ${databaseName} with (force)`);
      await admin2.end();
    },
  };
}
