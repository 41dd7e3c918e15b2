import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isAlive } from './child-process.js';

/**
 * The embedded services of an app already running on this data directory, found through their pid files, as
 * DATABASE_URL / MEILI_URL / MEILI_MASTER_KEY: an operator command connects to them instead of starting a second
 * pair on the same data (which PostgreSQL would refuse). Empty when the app is stopped.
 */
export function runningEmbeddedServices(dataDir: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const found: Record<string, string> = {};
  const pgPid = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!env.DATABASE_URL && existsSync(pgPid)) {
    const lines = readFileSync(pgPid, 'utf8').split('\n');
    if (isAlive(Number(lines[0])) && lines[3]) {
      const password = encodeURIComponent(readFileSync(path.join(dataDir, 'postgres.password'), 'utf8').trim());
      found.DATABASE_URL = `postgres://postgres:${password}@127.0.0.1:${lines[3].trim()}/postgres`;
    }
  }
  const meiliPid = path.join(dataDir, 'meilisearch.pid');
  if (!env.MEILI_URL && existsSync(meiliPid)) {
    const pid = Number(readFileSync(meiliPid, 'utf8').trim());
    const args = isAlive(pid) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0') : [];
    const address = args[args.indexOf('--http-addr') + 1];
    if (args.includes('--http-addr') && address) {
      found.MEILI_URL = `http://${address}`;
      found.MEILI_MASTER_KEY = readFileSync(path.join(dataDir, 'meilisearch.key'), 'utf8').trim();
    }
  }
  return found;
}
