// `npm run bench` — load test of the BUILT app as a real process, on embedded PostgreSQL + Meilisearch in a
// temporary directory:
//   1. seeds 100,000 synthetic requests (bench/search-data.ts) and indexes them (full reindex);
//   2. mixed workload with autocannon — 70 % GET /api/v1/search (varied filters), 20 % GET /api/v1/listings/:id,
//      10 % writes (POST /api/v1/listings, a new draft, authenticated) — at 50 and 200 connections;
//   3. SSR search page (/recherche?…) against GET /api/v1/search with the same searches, same run;
//   4. cold start of `npm start` (already built) to the first 200, on a fresh and on an existing data directory.
// Flags: --duration <s> (default 60) --listings <n> (default 100000) --connections 50,200 --compare <s> (default 20)
// --data <dir> (keep the seeded data) --no-cold-start (skip the cold starts)
// Prints progress, then Markdown tables; writes bench/results/load-<time>.json. Kills everything it started.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { faker } from '@faker-js/faker';
import { count, eq, inArray } from 'drizzle-orm';
import { loadConfig } from '../src/lib/server/config.js';
import { authorities, listings, searchOutbox } from '../src/lib/server/db/schema/index.js';
import { loadCofinancingReference } from '../src/lib/server/cofinancing/catalogue.js';
import { freePort } from '../src/lib/server/embedded/child-process.js';
import { startEmbeddedMeilisearch } from '../src/lib/server/embedded/meilisearch.js';
import { startEmbeddedPostgres } from '../src/lib/server/embedded/postgres.js';
import { createLogger } from '../src/lib/server/logger.js';
import { startServices } from '../src/lib/server/runtime/services.js';
import { reindexListings } from '../src/lib/server/search/reindex.js';
import { parseSearchQuery, searchQueryParams } from '../src/lib/server/search/search-query.js';
import { hashPassword } from '../src/lib/server/auth/password.js';
import { users } from '../src/lib/server/db/schema/index.js';
import { ensureBuild, snapshotBuild } from '../tests/helpers/built-app.js';
import { generateSearches, seedListings } from './search-data.js';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: process.env.BENCH_SECONDS ?? '60' },
    listings: { type: 'string', default: process.env.BENCH_LISTINGS ?? '100000' },
    connections: { type: 'string', default: '50,200' },
    compare: { type: 'string', default: '20' },
    // Reuse (or keep) a seeded data directory between runs, to iterate without seeding again.
    data: { type: 'string' },
    // Skip the two cold starts of `npm start` (minutes on a loaded machine) when iterating on the load phases.
    'no-cold-start': { type: 'boolean', default: false },
  },
});
const DURATION = Number(flags.duration);
const LISTINGS = Number(flags.listings);
const CONNECTIONS = flags.connections!.split(',').map(Number);
const COMPARE = Number(flags.compare);
const PASSWORD = 'bench-password-not-secret';

const started = Date.now();
const log = (message: string) =>
  process.stdout.write(
    `[${new Date().toISOString().slice(11, 19)} +${((Date.now() - started) / 1000).toFixed(0)}s] ${message}\n`,
  );
const children = new Set<ChildProcess>();
const cleanups: Array<() => Promise<void> | void> = [];

async function cleanup() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => undefined);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

/**
 * CPU time (user + system, ms) used so far by the app process and by the PostgreSQL and Meilisearch processes of
 * the data directory: per answer, it says which part of the stack a kind of request costs (the wall-clock rate
 * alone mixes them, and the load generator shares the cores).
 */
function cpuMsOf(appPid: number): { app: number; meilisearch: number; postgres: number } {
  const out = { app: 0, meilisearch: 0, postgres: 0 };
  // stat fields after the command name: state, ppid, …, utime (11), stime (12), cutime (13), cstime (14); USER_HZ 100.
  const stat = (pid: string) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ').map(Number);
  const processes = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  let postmaster = -1;
  for (const pid of processes) {
    try {
      const fields = stat(pid);
      if (Number(pid) === appPid) out.app += (fields[11]! + fields[12]!) * 10;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes(cpuDataDir)) continue;
      if (cmd.includes('meilisearch')) out.meilisearch += (fields[11]! + fields[12]!) * 10;
      else if (cmd.includes('postgres')) {
        postmaster = Number(pid);
        // The backends that already exited count in the postmaster's cutime/cstime.
        out.postgres += (fields[11]! + fields[12]! + fields[13]! + fields[14]!) * 10;
      }
    } catch {
      // process gone between the listing and the read
    }
  }
  for (const pid of processes) {
    try {
      const fields = stat(pid);
      if (fields[1] === postmaster) out.postgres += (fields[11]! + fields[12]!) * 10;
    } catch {
      // gone
    }
  }
  return out;
}
/** Set once the data directory is known; PostgreSQL's backends are found by their postmaster's directory. */
let cpuDataDir = '\0';

/** VmHWM (peak resident set) and VmRSS of a process, in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Warnings and errors the app logged (JSON lines), by message. */
const appWarnings = new Map<string, number>();
/** Time the app itself took per request during the current phase (its request log), in ms. */
let serverTimes: number[] = [];
/** The same, by kind of request (search, read, write, page), 2xx only: which kind makes the tail. */
let serverTimesByKind: Record<string, number[]> = {};
function requestKind(method: string, url: string): string {
  if (method !== 'GET') return 'write';
  if (url.startsWith('/api/v1/search')) return 'search';
  return url.startsWith('/api/') ? 'read' : 'page';
}

function startNode(root: string, script: string, env: Record<string, string>, watchLog = false): ChildProcess {
  // The server (both callers start it) with the V8 flag `npm start` and the image give it (README, NODE_OPTIONS row).
  const child = spawn(process.execPath, ['--max-semi-space-size=32', path.join(root, script)], {
    cwd: root,
    // MALLOC_ARENA_MAX as `npm start` and the image set it (override it in the environment to compare).
    env: { MALLOC_ARENA_MAX: '2', ...process.env, HOST: '127.0.0.1', NODE_ENV: 'production', ...env },
    stdio: ['ignore', watchLog ? 'pipe' : 'ignore', 'pipe'],
  });
  children.add(child);
  if (watchLog) {
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        // The app's own time for each request (request log, from Fastify's first hook to the response's end).
        const served = /"ms":([\d.]+)/.exec(line);
        if (served) {
          serverTimes.push(Number(served[1]));
          const request = /"method":"(\w+)","url":"([^"]*)","status":(\d+)/.exec(line);
          if (request && Number(request[3]) < 300)
            (serverTimesByKind[requestKind(request[1]!, request[2]!)] ??= []).push(Number(served[1]));
        }
        const match = line.match(/"level":(\d+).*"msg":"([^"]*)"/);
        if (!match || Number(match[1]) < 40) continue;
        // A fatal error ends the app: show it whole, or the benchmark only says that the process exited.
        if (Number(match[1]) >= 60) process.stderr.write(`app: ${line}\n`);
        // The error's code and its first words say which failure it was (a timeout, a refused connection…).
        const code = line.match(/"code":"([^"]*)"/)?.[1];
        const detail = line.match(/"err":\{[^}]*?"message":"([^"]{0,80})/)?.[1];
        const key = [match[2], code, detail].filter(Boolean).join(' — ');
        appWarnings.set(key, (appWarnings.get(key) ?? 0) + 1);
      }
    });
  }
  child.stderr!.on('data', (c: Buffer) => process.stderr.write(c));
  return child;
}

async function untilStatus(url: string, status: number, child: ChildProcess, timeoutMs = 180_000): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === status) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

/**
 * The generated searches ask for pages 1–3 of some queries; on a small dataset (the demo's 20 requests) page 2 or 3
 * often lies past the last result. The API answers such a search 200 with no hits, the page 303 to the last page
 * (no render), and the SSR/API ratio counts 2xx answers: about 7 % of the page's requests then counted as not
 * served. Each such search asks for its last page instead, so both sides send the same searches, all of which
 * have a page to show. One API call per search that names a page, before the load phases.
 */
async function lastPageAtMost(base: string, searches: string[]): Promise<string[]> {
  let moved = 0;
  const result: string[] = [];
  for (const search of searches) {
    const params = new URLSearchParams(search);
    const page = Number(params.get('page') ?? '1');
    if (page > 1) {
      const res = await fetch(`${base}/api/v1/search?${search}`);
      if (!res.ok) throw new Error(`GET /api/v1/search?${search}: ${res.status} ${await res.text()}`);
      const { totalPages } = (await res.json()) as { totalPages: number };
      if (page > totalPages) {
        moved++;
        if (totalPages > 1) params.set('page', String(totalPages));
        else params.delete('page');
      }
    }
    result.push(params.toString());
  }
  log(`${moved} of ${searches.length} searches asked for a page past their last result: they ask for their last page`);
  return result;
}

interface Phase {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  /** Answers (2xx) per second: what the SSR/API ratio compares — a refused page is not a page served. */
  answeredRps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  /** 503s from admission control (counted, expected beyond the bound): part of non2xx. */
  refused: number;
  /**
   * p99 inside the app (request log: from Fastify's first hook to the end of the response, queue wait included);
   * what the client sees beyond it is time before the app read the request (a CPU shared with other processes).
   */
  serverP99: number;
  /** p99 and max of the answered requests alone (2xx): a fast 503 must not hide a slow answer. */
  answeredP99: number;
  answeredMax: number;
  errors: number;
  timeouts: number;
  peakRssMb: number;
  /** The app's own time for 2xx answers by kind of request (search, read, write, page): count, p50, p99 in ms. */
  serverByKind: Record<string, { count: number; p50: number; p99: number }>;
  /** CPU ms per 2xx answer, by process: the app (Node), Meilisearch, PostgreSQL. */
  cpuMsPerAnswer: { app: number; meilisearch: number; postgres: number };
  statusCodes: Record<string, number>;
}

const quantile = (sorted: Float64Array, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** One autocannon run; every response time is kept to compute exact percentiles (autocannon has no p95). */
async function run(
  name: string,
  base: string,
  connections: number,
  seconds: number,
  next: () => { method: string; path: string; headers?: Record<string, string>; body?: string },
  pid: number,
): Promise<Phase> {
  log(`${name}: ${connections} connections, ${seconds} s`);
  const latencies: number[] = [];
  const answered: number[] = [];
  serverTimes = [];
  serverTimesByKind = {};
  let peakRss = memoryOf(pid).rss;
  const cpuBefore = cpuMsOf(pid);
  const sampler = setInterval(() => {
    try {
      peakRss = Math.max(peakRss, memoryOf(pid).rss);
    } catch {
      // process gone: the run will report errors
    }
  }, 250);
  let lastCount = 0;
  let settle: (error: Error | null, result: autocannon.Result) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    settle = (error, result) => (error ? reject(error) : resolve(result));
  });
  const options = {
    url: base,
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 30,
    // One request template, rewritten before each send: the mix is drawn per request.
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, ...next() }) }],
  };
  const instance = autocannon(options as unknown as autocannon.Options, (error, result) => settle(error, result));
  instance.on('response', (_client, status, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (status < 300) answered.push(responseTime);
  });
  const progress = setInterval(() => {
    log(
      `  … ${latencies.length} responses (${((latencies.length - lastCount) / 5).toFixed(0)} req/s over the last 5 s), RSS ${memoryOf(pid).rss.toFixed(0)} MB`,
    );
    lastCount = latencies.length;
  }, 5_000);
  const result = await done;
  const cpuAfter = cpuMsOf(pid);
  clearInterval(progress);
  clearInterval(sampler);
  const sorted = Float64Array.from(latencies).sort();
  const sortedAnswered = Float64Array.from(answered).sort();
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => [code, (v as { count: number }).count]),
  );
  const phase: Phase = {
    name,
    connections,
    seconds,
    requests: latencies.length,
    rps: latencies.length / (result.duration || seconds),
    answeredRps: answered.length / (result.duration || seconds),
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
    non2xx: result.non2xx,
    refused: statusCodes['503'] ?? 0,
    answeredP99: quantile(sortedAnswered, 0.99),
    serverP99: quantile(Float64Array.from(serverTimes).sort(), 0.99),
    answeredMax: sortedAnswered.at(-1) ?? NaN,
    errors: result.errors,
    timeouts: result.timeouts,
    peakRssMb: peakRss,
    serverByKind: Object.fromEntries(
      Object.entries(serverTimesByKind).map(([kind, times]) => {
        const sortedTimes = Float64Array.from(times).sort();
        return [kind, { count: times.length, p50: quantile(sortedTimes, 0.5), p99: quantile(sortedTimes, 0.99) }];
      }),
    ),
    cpuMsPerAnswer: {
      app: (cpuAfter.app - cpuBefore.app) / Math.max(1, answered.length),
      meilisearch: (cpuAfter.meilisearch - cpuBefore.meilisearch) / Math.max(1, answered.length),
      postgres: (cpuAfter.postgres - cpuBefore.postgres) / Math.max(1, answered.length),
    },
    statusCodes,
  };
  const byKind = Object.entries(phase.serverByKind).map(
    ([kind, t]) => `${kind} ${t.count} p50 ${t.p50.toFixed(0)} p99 ${t.p99.toFixed(0)} ms`,
  );
  if (byKind.length) log(`  inside the app, 2xx by kind: ${byKind.join('; ')}`);
  const cpu = phase.cpuMsPerAnswer;
  log(
    `  CPU per 2xx answer: app ${cpu.app.toFixed(2)} ms, Meilisearch ${cpu.meilisearch.toFixed(2)} ms, PostgreSQL ${cpu.postgres.toFixed(2)} ms`,
  );
  if (appWarnings.size) log(`  app warnings so far: ${[...appWarnings].map(([m, c]) => `${c} × ${m}`).join('; ')}`);
  log(
    `  ${phase.requests} requests, ${phase.rps.toFixed(0)} req/s (${phase.answeredRps.toFixed(0)} answered 2xx/s), p50 ${phase.p50.toFixed(1)} ms, p95 ${phase.p95.toFixed(1)} ms, p99 ${phase.p99.toFixed(1)} ms, non-2xx ${phase.non2xx} (of which 503 ${phase.refused}; answered p99 ${phase.answeredP99.toFixed(1)} ms, max ${phase.answeredMax.toFixed(1)} ms; inside the app p99 ${phase.serverP99.toFixed(1)} ms), errors ${phase.errors}, peak RSS ${phase.peakRssMb.toFixed(0)} MB`,
  );
  return phase;
}

async function coldStart(root: string, dataDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = startNode(root, 'scripts/start.mjs', { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  await untilStatus(`http://127.0.0.1:${port}/`, 200, child);
  const ms = performance.now() - t0;
  await stopChild(child);
  return ms;
}

async function main() {
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cpus: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(1))),
  };
  log(
    `machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`,
  );
  ensureBuild(log);
  const build = await snapshotBuild();
  cleanups.push(() => build.remove());
  // `npm start` = scripts/start.mjs: with the build up to date it only imports dist/server.js.
  mkdirSync(path.join(build.root, 'scripts'), { recursive: true });
  for (const script of ['start.mjs', 'build-freshness.mjs'])
    cpSync(path.join(import.meta.dirname, '../scripts', script), path.join(build.root, 'scripts', script));
  // The copies are newer than the stamp: date the stamp ahead so start.mjs does not rebuild (the run lasts minutes).
  const ahead = new Date(Date.now() + 24 * 3600_000);
  utimesSync(path.join(build.root, 'dist/.build-stamp'), ahead, ahead);

  const dataDir = flags.data ? path.resolve(flags.data) : mkdtempSync(path.join(os.tmpdir(), 'bourse-load-'));
  cpuDataDir = dataDir;
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755);
  if (!flags.data) cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const silent = createLogger({ logLevel: 'silent' });
  log(`starting embedded PostgreSQL and Meilisearch in ${dataDir}`);
  const [pg, meili] = await Promise.all([
    startEmbeddedPostgres({ dataDir, logger: silent }),
    startEmbeddedMeilisearch({ dataDir, logger: silent }),
  ]);
  cleanups.push(() => pg.stop());
  cleanups.push(() => meili.stop());
  const env = {
    DATABASE_URL: pg.url,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: 'load_',
    DEMO_DATA: 'false',
    AUTH_RATE_LIMIT: '0',
    SEARCH_RATE_LIMIT: '0',
  };
  const services = await startServices(
    loadConfig({ ...env, DATA_DIR: path.join(dataDir, 'bench'), LOG_LEVEL: 'silent', PATH: process.env.PATH }),
    silent,
  );
  cleanups.push(() => services.close());

  const [{ seeded } = { seeded: 0 }] = await services.db.select({ seeded: count() }).from(listings);
  let reindex = { documents: 0, ms: 0 };
  let authorityRows: Array<{ id: string }>;
  if (seeded >= LISTINGS) {
    log(`reusing ${seeded} requests already in ${dataDir}`);
    authorityRows = await services.db.select({ id: authorities.id }).from(authorities).limit(1);
    await services.db.delete(users).where(eq(users.email, 'bench-author@example.org'));
    if (await loadCofinancingReference(services.db)) {
      // Data seeded by an older bench, before the co-financing programmes: rebuild the documents with the facet.
      log('co-financing programmes added: full reindex');
      reindex = await reindexListings(services, { batchSize: 5_000 });
    }
    // What the index already reflects (a reindex, or the previous run's relay) must not be replayed under load.
    await services.db.delete(searchOutbox);
    reindex.documents = (await services.meili.index('load_listings').getStats()).numberOfDocuments;
  } else {
    log(`seeding ${LISTINGS} requests`);
    authorityRows = await seedListings(services, LISTINGS, log);
    log('indexing them (full reindex)');
    reindex = await reindexListings(services, { batchSize: 5_000 });
    log(`  ${reindex.documents} documents indexed in ${(reindex.ms / 1000).toFixed(1)} s`);
  }
  const sampleIds = (
    await services.db
      .select({ id: listings.id })
      .from(listings)
      .where(inArray(listings.status, ['published', 'in_discussion']))
      .limit(5_000)
  ).map((r) => r.id);
  const writer = authorityRows[0]!;
  const [author] = await services.db
    .insert(users)
    .values({
      email: 'bench-author@example.org',
      displayName: 'Bench',
      role: 'foreign_authority',
      authorityId: writer.id,
      passwordHash: await hashPassword(PASSWORD),
      emailVerifiedAt: new Date(),
      approvedAt: new Date(),
    })
    .returning();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log('starting the app (dist/server.js of the current build) on those services');
  const app = startNode(
    build.root,
    'dist/server.js',
    { ...env, PORT: String(port), DATA_DIR: path.join(dataDir, 'app'), LOG_LEVEL: 'info' },
    true,
  );
  await untilStatus(`${base}/api/health`, 200, app);
  const loginRes = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: author!.email, password: PASSWORD }),
  });
  const { token } = (await loginRes.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  faker.seed(99);
  const searches = await lastPageAtMost(
    base,
    generateSearches(500).map((s) => searchQueryParams(parseSearchQuery(s)).toString()),
  );
  let n = 0;
  const draft = () =>
    JSON.stringify({
      originalLanguage: 'fr',
      title: `Demande de charge ${n}`,
      summary: 'Raccorder les ménages au réseau et former les agents communaux.',
      themes: ['water_sanitation'],
      forms: ['thematic_project'],
      contributionTypes: ['expertise'],
      exchangeLanguages: ['fr'],
      electedOfficial: { name: 'Awa Ndiaye', title: 'Maire', email: 'awa@example.sn' },
      technicalContact: { name: 'Moussa Diop', email: 'moussa@example.sn' },
    });
  const mixed = () => {
    n++;
    const r = n % 10;
    if (r < 7) return { method: 'GET', path: `/api/v1/search?${searches[n % searches.length]}` };
    if (r < 9) return { method: 'GET', path: `/api/v1/listings/${sampleIds[n % sampleIds.length]}` };
    return { method: 'POST', path: '/api/v1/listings', headers: auth, body: draft() };
  };
  const apiSearch = () => ({ method: 'GET', path: `/api/v1/search?${searches[n++ % searches.length]}` });
  const pageSearch = () => ({ method: 'GET', path: `/recherche?${searches[n++ % searches.length]}` });

  // Warm-up: JIT, caches, connection pools.
  await run('warm-up', base, 10, 5, mixed, app.pid!);
  const rssAfterWarmUp = memoryOf(app.pid!).rss;
  // SSR against API first, at the lowest concurrency, before the heaviest phase can leave the servers busy.
  const compareAt = CONNECTIONS[0]!;
  const api = await run(`API search @${compareAt}`, base, compareAt, COMPARE, apiSearch, app.pid!);
  const ssr = await run(`SSR search page @${compareAt}`, base, compareAt, COMPARE, pageSearch, app.pid!);
  const phases: Phase[] = [];
  for (const c of CONNECTIONS) phases.push(await run(`mixed 70/20/10 @${c}`, base, c, DURATION, mixed, app.pid!));
  const peakAppRss = memoryOf(app.pid!).peak;
  // Does memory come back once the load stops? Idle for 15 s (timers, pools and V8 release what they held).
  log("idle 15 s, then reading the app's resident memory");
  await new Promise((r) => setTimeout(r, 15_000));
  const rssAfterIdle = memoryOf(app.pid!).rss;
  const drafts = await services.db
    .select({ id: listings.id })
    .from(listings)
    .where(inArray(listings.status, ['draft']));
  await stopChild(app);

  let fresh = NaN;
  let warm = NaN;
  if (!flags['no-cold-start']) {
    log('cold start of `npm start` (built), embedded services, fresh data directory (initdb + demo data)');
    const startDir = mkdtempSync(path.join(os.tmpdir(), 'bourse-coldstart-'));
    chmodSync(startDir, 0o755);
    cleanups.push(() => rmSync(startDir, { recursive: true, force: true }));
    fresh = await coldStart(build.root, startDir);
    log(`  ${(fresh / 1000).toFixed(2)} s`);
    log('cold start of `npm start` (built), embedded services, existing data directory');
    warm = await coldStart(build.root, startDir);
    log(`  ${(warm / 1000).toFixed(2)} s`);
  }

  const fmt = (v: number) => v.toFixed(1);
  const row = (p: Phase) =>
    `| ${p.name} | ${p.requests} | ${p.rps.toFixed(0)} | ${fmt(p.p50)} | ${fmt(p.p95)} | ${fmt(p.p99)} | ${fmt(p.max)} | ${p.non2xx - p.refused} | ${p.refused} | ${fmt(p.answeredP99)} | ${fmt(p.serverP99)} | ${p.errors + p.timeouts} | ${p.peakRssMb.toFixed(0)} |`;
  const report = [
    `Load benchmark — ${LISTINGS} requests seeded (${reindex.documents} searchable), ${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}, load average at start ${machine.loadAverageAtStart.join(' ')}; \`npm run bench -- --duration ${DURATION}\``,
    '',
    '| Phase | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx (not 503) | 503 (refused) | p99 of 2xx ms | p99 inside the app ms | errors | peak RSS MB |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...phases.map(row),
    row(api),
    row(ssr),
    `| SSR page / API search throughput (2xx answers/s: ${ssr.answeredRps.toFixed(0)} / ${api.answeredRps.toFixed(0)}) | | ${(ssr.answeredRps / api.answeredRps).toFixed(2)}× | ${(ssr.p50 / api.p50).toFixed(2)}× | ${(ssr.p95 / api.p95).toFixed(2)}× | ${(ssr.p99 / api.p99).toFixed(2)}× | | | | | | | |`,
    '',
    `CPU per 2xx answer (app / Meilisearch / PostgreSQL, ms): ${[...phases, api, ssr].map((p) => `${p.name} ${p.cpuMsPerAnswer.app.toFixed(2)} / ${p.cpuMsPerAnswer.meilisearch.toFixed(2)} / ${p.cpuMsPerAnswer.postgres.toFixed(2)}`).join('; ')}.`,
    '',
    `App resident memory: ${rssAfterWarmUp.toFixed(0)} MB after the warm-up, peak ${peakAppRss.toFixed(0)} MB over the whole run (VmHWM), ${rssAfterIdle.toFixed(0)} MB after 15 s idle at the end. Drafts written during the run: ${drafts.length}.`,
    `Warnings logged by the app: ${[...appWarnings].map(([m, c]) => `${c} × "${m}"`).join(', ') || 'none'}.`,
    '',
    '| `npm start` (already built) to the first 200 on `/` | seconds |',
    '|---|---|',
    `| Fresh data directory (initdb, migrations, demo data, index) | ${(fresh / 1000).toFixed(2)} |`,
    `| Existing data directory | ${(warm / 1000).toFixed(2)} |`,
  ].join('\n');
  process.stdout.write(`\n${report}\n`);
  const resultsDir = path.join(import.meta.dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    path.join(resultsDir, `load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify(
      {
        machine,
        flags,
        reindex,
        phases,
        api,
        ssr,
        peakAppRss,
        rssAfterWarmUp,
        rssAfterIdle,
        coldStart: { fresh, warm },
      },
      null,
      2,
    ),
  );
  const failed = [...phases, api, ssr].some((p) => p.non2xx - p.refused > 0 || p.errors > 0 || p.timeouts > 0);
  if (failed) log('FAILED: some requests failed other than the counted 503s (see the table)');
  await cleanup();
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(failed ? 1 : 0);
}

main().catch(async (error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  await cleanup();
  process.exit(1);
});
