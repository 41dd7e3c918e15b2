import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/api/app.js';
import { listingsIndexUid } from '../../src/lib/server/search/index-name.js';
import { reindexListings, type ReindexProgress } from '../../src/lib/server/search/reindex.js';
import { startSearchRelay, type SearchRelay } from '../../src/lib/server/search/relay.js';
import { createAuthority } from '../helpers/fixtures.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { eventually, indexAndPostgres, insertListings, updateListing } from './listings.js';

let ctx: TestContext;
let relay: SearchRelay;
let app: FastifyInstance;

beforeAll(async () => {
  ctx = await createTestServices();
  relay = startSearchRelay(ctx.services, { pollMs: 200 });
  app = await createServer(ctx.services);
});

afterAll(async () => {
  await relay?.stop();
  await app?.close();
  await ctx?.cleanup();
});

const searchTotal = async () => {
  const body = (await app.inject({ method: 'GET', url: '/api/v1/search?q=transport' })).json();
  return { total: body.total as number, degraded: body.degraded as boolean };
};

describe('search reindex', () => {
  it('rebuilds and swaps the index while search keeps answering, without losing changes made meanwhile', async () => {
    const { services } = ctx;
    const authority = await createAuthority(services, { kind: 'foreign', country: 'AM', name: 'Gyumri' });
    const rows = await insertListings(
      services,
      Array.from({ length: 40 }, (_, i) => ({
        authorityId: authority.id,
        country: 'AM',
        title: `Transport urbain ${i}`,
        themes: ['transport_mobility'],
      })),
    );
    await eventually(async () => expect(await searchTotal()).toEqual({ total: 40, degraded: false }));

    const phases: string[] = [];
    const seenDuringReindex: Array<{ total: number; degraded: boolean }> = [];
    let changed = false;
    const result = await reindexListings(services, {
      batchSize: 10,
      inFlight: 1,
      onProgress: (progress: ReindexProgress) => {
        phases.push(progress.phase);
        if (progress.phase === 'fill' && progress.indexed === 10 && !changed) {
          changed = true;
          // Changes made while the new index is being filled, some of them to listings it has already copied.
          void (async () => {
            await insertListings(services, [
              {
                authorityId: authority.id,
                country: 'AM',
                title: 'Transport scolaire rural',
                themes: ['transport_mobility'],
              },
            ]);
            await updateListing(services, rows[0]!.id, { status: 'changes_requested' });
            await updateListing(services, rows[39]!.id, { title: 'Transport fluvial' });
          })();
        }
        if (progress.phase === 'fill') void searchTotal().then((s) => seenDuringReindex.push(s));
      },
    });

    expect(result.index).toBe(listingsIndexUid(services.indexPrefix));
    expect(phases).toEqual(expect.arrayContaining(['fill', 'swap', 'replay', 'done']));
    expect(seenDuringReindex.length).toBeGreaterThan(0);
    for (const seen of seenDuringReindex) expect(seen.degraded).toBe(false);

    await eventually(async () => {
      const { indexed, expected } = await indexAndPostgres(services);
      expect(expected).toHaveLength(40);
      expect(indexed).toEqual(expected);
    });
    const { indexed } = await indexAndPostgres(services);
    expect(indexed.map((d) => d.title)).toContain('Transport fluvial');
    expect(indexed.map((d) => d.title)).toContain('Transport scolaire rural');
    expect(indexed.map((d) => d.id)).not.toContain(rows[0]!.id);

    const { results } = await services.meili.getIndexes({ limit: 1000 });
    expect(results.map((i) => i.uid).filter((uid) => uid.startsWith(services.indexPrefix))).toEqual([
      listingsIndexUid(services.indexPrefix),
    ]);
  }, 120_000);

  it('lets only one process relay the outbox at a time', async () => {
    const second = startSearchRelay(ctx.services, { pollMs: 200, standbyMs: 200 });
    try {
      await new Promise((r) => setTimeout(r, 600));
      expect([relay.isLeader(), second.isLeader()]).toEqual([true, false]);
      await relay.stop();
      await eventually(async () => expect(second.isLeader()).toBe(true));
    } finally {
      relay = second;
    }
  });
});
