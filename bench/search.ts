// `npm run bench:search`: synthetic requests on embedded PostgreSQL + Meilisearch in a temporary directory, grown
// in steps (--sizes or BENCH_SIZES, default 1,000 → 10,000 → 100,000); at each size, raw Meilisearch against GET
// /api/v1/search with the same requests, count and concurrency, in alternating rounds; at the largest,
// publish/unpublish lag and a full reindex against a raw ingest of the same documents. Prints progress, then
// Markdown tables.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { faker } from '@faker-js/faker';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { createServer } from '../src/api/app.js';
import { loadConfig } from '../src/lib/server/config.js';
import { listings } from '../src/lib/server/db/schema/index.js';
import { createLogger } from '../src/lib/server/logger.js';
import { startServices, type Services } from '../src/lib/server/runtime/services.js';
import { loadSearchablePage, type ListingDocument } from '../src/lib/server/search/document.js';
import { ensureListingsIndex } from '../src/lib/server/search/ensure-index.js';
import { listingsIndexUid } from '../src/lib/server/search/index-name.js';
import { meiliSearchRequest } from '../src/lib/server/search/meili-search.js';
import { enqueueSearchSync } from '../src/lib/server/search/outbox.js';
import { bulkClient, reindexListings } from '../src/lib/server/search/reindex.js';
import { startSearchRelay } from '../src/lib/server/search/relay.js';
import { parseSearchQuery, searchQueryParams } from '../src/lib/server/search/search-query.js';
import { succeeded } from '../src/lib/server/search/task.js';
import { generateListing, generateSearches, seedListings } from './search-data.js';
import type { LoadJob, LoadRequest, LoadResult } from './search-load.js';

// `npm run bench:search -- --sizes 1000,10000,100000` (the default): every size in one run, the largest last.
const { values: flags } = parseArgs({ options: { sizes: { type: 'string' }, rounds: { type: 'string' } } });
const sizesAsked = flags.sizes?.split(',').map(Number);
const LISTINGS = sizesAsked?.length ? Math.max(...sizesAsked) : Number(process.env.BENCH_LISTINGS ?? 100_000);
/** Sizes measured in one run, smallest first, ending at LISTINGS: the cost curve as the catalogue grows. */
const SIZES = [
  ...new Set([
    ...(flags.sizes ?? process.env.BENCH_SIZES ?? '1000,10000')
      .split(',')
      .map(Number)
      .filter((n) => n > 0 && n < LISTINGS),
    LISTINGS,
  ]),
].sort((a, b) => a - b);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SEARCHES = 200;
/** Rounds per size; each sends the same requests to both sides, back to back. Odd, so the median is one round's. */
const ROUNDS = Number(flags.rounds ?? process.env.BENCH_ROUNDS ?? 5);
/** Measured requests per side and round: whole passes over the searches, so both sides get the very same mix. */
const PER_ROUND = Math.max(1, Math.round(Number(process.env.BENCH_REQUESTS ?? 6_000) / ROUNDS / SEARCHES)) * SEARCHES;
const LAG_SAMPLES = Number(process.env.BENCH_LAG_SAMPLES ?? 300);

const log = (message: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const times = (value: number) => `${value.toFixed(2)}×`;

function load(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // Workers do not inherit tsx's loader: register it inside the worker before loading the TypeScript file.
    const loader = import.meta.resolve('tsx/esm/api');
    const script = new URL('./search-load.ts', import.meta.url).href;
    const worker = new Worker(
      `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); })`,
      { eval: true, workerData: job },
    );
    worker.once('message', (result: LoadResult) => void worker.terminate().then(() => resolve(result)));
    worker.once('error', reject);
  });
}

function summarise(result: LoadResult) {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  return {
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    rps: (sorted.length / result.elapsedMs) * 1000,
    n: sorted.length,
    errors: result.errors,
  };
}

/** Time from commit to visible in search (and back out), polling Meilisearch every 5 ms. */
async function measureLag(services: Services, authority: { id: string; country: string }) {
  const index = services.meili.index(listingsIndexUid(services.indexPrefix));
  const until = async (visible: boolean, token: string) => {
    for (;;) {
      const { hits } = await index.search(token, { attributesToRetrieve: ['id'], limit: 1 });
      if (hits.length > 0 === visible) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const publish: number[] = [];
  const unpublish: number[] = [];
  for (let i = 0; i < LAG_SAMPLES; i++) {
    const token = `lagprobe${i}x${faker.string.alpha({ length: 6, casing: 'lower' })}`;
    const id = await services.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(listings)
        .values({
          ...generateListing({ ...authority, languages: ['fr'] }),
          title: `Sonde ${token}`,
          status: 'published',
          publishedAt: new Date(),
        })
        .returning({ id: listings.id });
      await enqueueSearchSync(tx, row!.id);
      return row!.id;
    });
    let started = performance.now();
    await until(true, token);
    publish.push(performance.now() - started);
    await services.db.transaction(async (tx) => {
      await tx.update(listings).set({ status: 'closed' }).where(eq(listings.id, id));
      await enqueueSearchSync(tx, id);
    });
    started = performance.now();
    await until(false, token);
    unpublish.push(performance.now() - started);
  }
  const sort = (a: number[]) => [...a].sort((x, y) => x - y);
  // Which sample was slowest tells a cold start (the first) from a hiccup during the run.
  const slowest = (a: number[]) => a.indexOf(Math.max(...a)) + 1;
  return {
    publish: sort(publish),
    unpublish: sort(unpublish),
    slowest: { publish: slowest(publish), unpublish: slowest(unpublish) },
  };
}

/** The same documents sent straight to a fresh index, as fast as Meilisearch takes them: the floor for a reindex. */
async function rawIngest(services: Services, documents: ListingDocument[]) {
  const uid = `${services.indexPrefix}raw_ingest`;
  const started = performance.now();
  await ensureListingsIndex(services.meili, uid);
  const bulk = bulkClient(services.meili);
  const tasks = [];
  for (let i = 0; i < documents.length; i += 5_000) {
    const task = bulk.index(uid).addDocuments(documents.slice(i, i + 5_000), { primaryKey: 'id' });
    await task;
    tasks.push(task);
  }
  for (const task of tasks) await succeeded(task, 600_000);
  const elapsed = performance.now() - started;
  await succeeded(services.meili.deleteIndex(uid), 120_000);
  return elapsed;
}

async function main() {
  const benchStarted = performance.now();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bourse-bench-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    MEILI_INDEX_PREFIX: 'bench_',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    AUTH_RATE_LIMIT: '0',
    SEARCH_RATE_LIMIT: '0',
    PATH: process.env.PATH,
  });
  // Request logs stay on (they cost what they cost in production) but go nowhere.
  const logger = createLogger(config, pino.destination({ dest: '/dev/null', sync: false }));
  log(`starting embedded PostgreSQL and Meilisearch in ${dataDir}`);
  const services = await startServices(config, logger);
  const app = await createServer(services);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address() as { port: number };
    const searches = generateSearches(SEARCHES).map(parseSearchQuery);
    // The very request the service sends (a multi-search when the search filters: one count query per filtered facet).
    const raw: LoadRequest[] = searches.map((query) => {
      const request = meiliSearchRequest(listingsIndexUid(services.indexPrefix), query);
      return {
        url: new URL(request.path, `${services.meili.config.host.replace(/\/$/, '')}/`).href,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${services.meili.config.apiKey}` },
        body: JSON.stringify(request.body),
      };
    });
    const api: LoadRequest[] = searches.map((query) => ({
      url: `http://127.0.0.1:${address.port}/api/v1/search?${searchQueryParams(query)}`,
      method: 'GET',
    }));
    const merge = (results: LoadResult[]): LoadResult => ({
      latenciesMs: results.flatMap((r) => r.latenciesMs),
      errors: results.reduce((sum, r) => sum + r.errors, 0),
      elapsedMs: results.reduce((sum, r) => sum + r.elapsedMs, 0),
    });

    type Summary = ReturnType<typeof summarise>;
    const growth: Array<{ size: number; raw: Summary; api: Summary; p95Ratio: number; rpsRatio: number }> = [];
    let seeded: Awaited<ReturnType<typeof seedListings>> = [];
    let reindex = { documents: 0, ms: 0 };
    for (const [step, size] of SIZES.entries()) {
      const more = size - (growth.at(-1)?.size ?? 0);
      log(`size ${size}: generating ${more} more requests with faker`);
      seeded = [...seeded, ...(await seedListings(services, more, log, 4242 + step))];

      log(`size ${size}: full reindex from PostgreSQL`);
      let lastStep = -1;
      reindex = await reindexListings(services, {
        batchSize: 5_000,
        onProgress: ({ phase, sent, indexed, total }) => {
          const tenth = Math.floor(((sent + indexed) / (2 * Math.max(1, total))) * 10);
          if (phase === 'fill' && tenth !== lastStep)
            log(`  reindex: uploaded ${sent}/${total}, indexed ${indexed}/${total}`);
          if (phase === 'fill') lastStep = tenth;
          else log(`  reindex: ${phase}`);
        },
      });
      log(`  reindexed ${reindex.documents} documents in ${(reindex.ms / 1000).toFixed(1)} s`);

      // Raw and API take turns in rounds that each send both sides the same requests, back to back, the side going
      // first alternating (raw/API, API/raw, …): a change in the shared machine's load hits both sides alike. The
      // ratio we judge is the median of the rounds' ratios; the pooled figures are shown beside it.
      const rounds: Record<'raw' | 'api', LoadResult[]> = { raw: [], api: [] };
      log(
        `size ${size}: raw Meilisearch and GET /api/v1/search in ${ROUNDS} alternating rounds of ${PER_ROUND} requests per side (${CONCURRENCY} concurrent; warm-up ${2 * SEARCHES} requests per side before round 1, ${SEARCHES / 2} before the others)`,
      );
      for (let round = 0; round < ROUNDS; round++) {
        const job = { concurrency: CONCURRENCY, warmup: round === 0 ? 2 * SEARCHES : SEARCHES / 2, count: PER_ROUND };
        const sides = round % 2 === 0 ? (['raw', 'api'] as const) : (['api', 'raw'] as const);
        for (const side of sides) rounds[side].push(await load({ ...job, requests: side === 'raw' ? raw : api }));
        const [r, a] = [summarise(rounds.raw[round]!), summarise(rounds.api[round]!)];
        log(
          `  round ${round + 1}/${ROUNDS} (${sides.join(' then ')}): p95 raw ${ms(r.p95)}, API ${ms(a.p95)} (${times(a.p95 / r.p95)}); req/s raw ${r.rps.toFixed(0)}, API ${a.rps.toFixed(0)} (${times(a.rps / r.rps)})`,
        );
      }
      const perRound = rounds.raw.map((rawRound, i) => ({ raw: summarise(rawRound), api: summarise(rounds.api[i]!) }));
      growth.push({
        size,
        raw: summarise(merge(rounds.raw)),
        api: summarise(merge(rounds.api)),
        p95Ratio: median(perRound.map((r) => r.api.p95 / r.raw.p95)),
        rpsRatio: median(perRound.map((r) => r.api.rps / r.raw.rps)),
      });
    }
    const { raw: rawResult, api: apiResult } = growth.at(-1)!;

    log('raw Meilisearch ingest of the same documents');
    const documents = await loadSearchablePage(services.db, null, LISTINGS);
    const rawIngestMs = await rawIngest(services, documents);
    log(`  ingested ${documents.length} documents in ${(rawIngestMs / 1000).toFixed(1)} s`);

    log(`publish/unpublish lag: ${LAG_SAMPLES} samples through the outbox relay`);
    const relay = startSearchRelay(services);
    const lag = await measureLag(services, seeded[0]!);
    await relay.stop();
    // How much of that lag Meilisearch itself spent on the relay's writes (queued + processing).
    const { results: relayTasks } = await services.meili.tasks.getTasks({
      indexUids: [listingsIndexUid(services.indexPrefix)],
      types: ['documentAdditionOrUpdate', 'documentDeletion'],
      limit: LAG_SAMPLES * 2,
    });
    const taskMs = relayTasks
      .filter((t) => t.finishedAt)
      .map((t) => Date.parse(t.finishedAt!) - Date.parse(t.enqueuedAt))
      .sort((a, b) => a - b);

    const row = (name: string, r: ReturnType<typeof summarise>) =>
      `| ${name} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.rps.toFixed(0)} | ${r.n} | ${r.errors} |`;
    const table = [
      `Search benchmark — ${LISTINGS} requests (${documents.length} searchable), concurrency ${CONCURRENCY}, ${ROUNDS} alternating rounds of ${PER_ROUND} requests per side (the same ${SEARCHES} searches, same order), ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
      '',
      `| Queries at ${LISTINGS.toLocaleString('en')} (all rounds pooled) | p50 | p95 | p99 | req/s | requests | errors |`,
      '|---|---|---|---|---|---|---|',
      row('Raw Meilisearch (POST /indexes/…/search)', rawResult),
      row('GET /api/v1/search', apiResult),
      `| Ratio API / raw, pooled | ${times(apiResult.p50 / rawResult.p50)} | ${times(apiResult.p95 / rawResult.p95)} | ${times(apiResult.p99 / rawResult.p99)} | ${times(apiResult.rps / rawResult.rps)} | | |`,
      '',
      '| Sync | p50 | p95 | p99 | max (sample #) |',
      '|---|---|---|---|---|',
      `| Publish → searchable (${LAG_SAMPLES}) | ${ms(quantile(lag.publish, 0.5))} | ${ms(quantile(lag.publish, 0.95))} | ${ms(quantile(lag.publish, 0.99))} | ${ms(lag.publish.at(-1)!)} (#${lag.slowest.publish}) |`,
      `| Unpublish → gone (${LAG_SAMPLES}) | ${ms(quantile(lag.unpublish, 0.5))} | ${ms(quantile(lag.unpublish, 0.95))} | ${ms(quantile(lag.unpublish, 0.99))} | ${ms(lag.unpublish.at(-1)!)} (#${lag.slowest.unpublish}) |`,
      `| of which Meilisearch task, enqueued → finished (${taskMs.length}) | ${ms(quantile(taskMs, 0.5))} | ${ms(quantile(taskMs, 0.95))} | ${ms(quantile(taskMs, 0.99))} | ${ms(taskMs.at(-1)!)} |`,
      '',
      `Growth. Ratios: median of the ${ROUNDS} rounds' API / raw (goal p95 ≤ 1.3×, req/s ≥ 0.7×); pooled: over all rounds' requests.`,
      '',
      '| Requests seeded | raw p95 | API p95 | **p95 ratio** | p95 ratio, pooled | raw req/s | API req/s | **req/s ratio** | req/s ratio, pooled |',
      '|---|---|---|---|---|---|---|---|---|',
      ...growth.map(
        (g) =>
          `| ${g.size.toLocaleString('en')} | ${ms(g.raw.p95)} | ${ms(g.api.p95)} | **${times(g.p95Ratio)}** | ${times(g.api.p95 / g.raw.p95)} | ${g.raw.rps.toFixed(0)} | ${g.api.rps.toFixed(0)} | **${times(g.rpsRatio)}** | ${times(g.api.rps / g.raw.rps)} |`,
      ),
      '',
      '| Indexing | time | documents/s |',
      '|---|---|---|',
      `| Full reindex (\`reindexListings\`: read Postgres, build, swap) | ${(reindex.ms / 1000).toFixed(1)} s | ${((reindex.documents / reindex.ms) * 1000).toFixed(0)} |`,
      `| Raw Meilisearch ingest of the same documents | ${(rawIngestMs / 1000).toFixed(1)} s | ${((documents.length / rawIngestMs) * 1000).toFixed(0)} |`,
      `| Ratio reindex / raw | ${(reindex.ms / rawIngestMs).toFixed(2)}× | |`,
    ].join('\n');
    process.stdout.write(
      `\n${table}\n\nTotal benchmark time: ${((performance.now() - benchStarted) / 1000).toFixed(0)} s\n`,
    );
  } finally {
    await app.close();
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
