import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../../src/lib/server/logger.js';
import { startEmbeddedMeilisearch } from '../../src/lib/server/embedded/meilisearch.js';
import { startEmbeddedPostgres } from '../../src/lib/server/embedded/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    meiliUrl: string;
    meiliMasterKey: string;
    meiliDataDir: string;
  }
}

/** One real PostgreSQL and one real Meilisearch for the whole run; each test file carves out its own space. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bourse-test-'));
  chmodSync(dataDir, 0o755);
  const logger = createLogger({ logLevel: 'warn' });
  const [pg, meili] = await Promise.all([
    startEmbeddedPostgres({ dataDir, logger }),
    startEmbeddedMeilisearch({ dataDir, logger }),
  ]);
  project.provide('postgresUrl', pg.url);
  project.provide('meiliUrl', meili.url);
  project.provide('meiliMasterKey', meili.masterKey);
  project.provide('meiliDataDir', dataDir);
  return async () => {
    await Promise.allSettled([pg.stop(), meili.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
