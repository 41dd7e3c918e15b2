// `npm run search:reindex`: rebuild the search index from PostgreSQL and swap it in while search stays up.
// Uses DATABASE_URL / MEILI_URL when set; otherwise the embedded services of the app running on DATA_DIR (or,
// when the app is stopped, starts them itself).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/lib/server/config.js';
import { isAlive } from '../src/lib/server/embedded/child-process.js';
import { createLogger } from '../src/lib/server/logger.js';
import { startServices } from '../src/lib/server/runtime/services.js';
import { reindexListings } from '../src/lib/server/search/reindex.js';

/** The embedded services of a running app, found through their pid files, so we do not start a second pair. */
function runningEmbeddedServices(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  const pgPid = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!process.env.DATABASE_URL && existsSync(pgPid)) {
    const lines = readFileSync(pgPid, 'utf8').split('\n');
    if (isAlive(Number(lines[0])) && lines[3]) {
      const password = encodeURIComponent(readFileSync(path.join(dataDir, 'postgres.password'), 'utf8').trim());
      env.DATABASE_URL = `postgres://postgres:${password}@127.0.0.1:${lines[3].trim()}/postgres`;
    }
  }
  const meiliPid = path.join(dataDir, 'meilisearch.pid');
  if (!process.env.MEILI_URL && existsSync(meiliPid)) {
    const pid = Number(readFileSync(meiliPid, 'utf8').trim());
    const args = isAlive(pid) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0') : [];
    const address = args[args.indexOf('--http-addr') + 1];
    if (args.includes('--http-addr') && address) {
      env.MEILI_URL = `http://${address}`;
      env.MEILI_MASTER_KEY = readFileSync(path.join(dataDir, 'meilisearch.key'), 'utf8').trim();
    }
  }
  return env;
}

try {
  const base = loadConfig();
  const config = loadConfig({ ...process.env, ...runningEmbeddedServices(base.dataDir), DEMO_DATA: 'false', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const services = await startServices(config, createLogger(config));
  try {
    let last = '';
    const result = await reindexListings(services, {
      onProgress: ({ phase, sent, indexed, total }) => {
        const line = phase === 'fill' ? `uploaded ${sent}/${total}, indexed ${indexed}/${total}` : phase;
        if (line !== last) process.stdout.write(`${line}\n`);
        last = line;
      },
    });
    process.stdout.write(`reindexed ${result.documents} requests into ${result.index} in ${(result.ms / 1000).toFixed(1)} s\n`);
  } finally {
    await services.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
