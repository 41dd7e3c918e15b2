import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/api/app.js';
import { listings, moderationEvents, searchOutbox } from '../../src/lib/server/db/schema/index.js';
import { freePort } from '../../src/lib/server/embedded/child-process.js';
import { startEmbeddedMeilisearch } from '../../src/lib/server/embedded/meilisearch.js';
import { createLogger } from '../../src/lib/server/logger.js';
import { enqueueSearchSync } from '../../src/lib/server/search/outbox.js';
import { startSearchRelay, type SearchRelay } from '../../src/lib/server/search/relay.js';
import { createAuthority } from '../helpers/fixtures.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { eventually, indexAndPostgres, insertListings, updateListing } from './listings.js';

// This file stops and restarts Meilisearch: it runs its own, so other test files keep theirs.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bourse-search-outage-'));
const logger = createLogger({ logLevel: 'silent' });
let port: number;
let meili: Awaited<ReturnType<typeof startEmbeddedMeilisearch>>;
let ctx: TestContext;
let relay: SearchRelay;
let app: FastifyInstance;

beforeAll(async () => {
  port = await freePort();
  meili = await startEmbeddedMeilisearch({ dataDir, logger, port });
  ctx = await createTestServices({ MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey });
  relay = startSearchRelay(ctx.services, { pollMs: 200, maxBackoffMs: 300 });
  app = await createServer(ctx.services);
});

afterAll(async () => {
  await relay?.stop();
  await app?.close();
  await ctx?.cleanup();
  await meili?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('search while Meilisearch is down', () => {
  it('keeps accepting writes, answers from Postgres, then catches up to exactly what Postgres holds', async () => {
    const { services } = ctx;
    const authorities = await Promise.all(
      (['SN', 'MA', 'VN', 'PE'] as const).map((country, i) =>
        createAuthority(services, {
          kind: 'foreign',
          country,
          name: `Commune ${country}`,
          population: 2_000 * 10 ** i,
        }),
      ),
    );
    const initial = await insertListings(
      services,
      Array.from({ length: 60 }, (_, i) => ({
        authorityId: authorities[i % 4]!.id,
        country: authorities[i % 4]!.country,
        title: `Projet d'eau potable numéro ${i}`,
        summary: `Réseau de distribution ${i}`,
        themes: ['water_sanitation'],
      })),
    );
    const outboxSize = async () =>
      (await services.db.select({ n: sql<number>`count(*)::int` }).from(searchOutbox))[0]!.n;
    await eventually(async () => {
      expect((await indexAndPostgres(services)).indexed).toHaveLength(60);
      expect(await outboxSize()).toBe(0);
    });

    await meili.stop();

    // 200 changes while the index cannot follow: new requests, edits, unpublications, deletions.
    const added = await insertListings(
      services,
      Array.from({ length: 80 }, (_, i) => ({
        authorityId: authorities[i % 4]!.id,
        country: authorities[i % 4]!.country,
        title: `Gestion des déchets ${i}`,
        summary: 'Collecte et tri',
        themes: ['waste'],
      })),
    );
    for (const row of initial.slice(0, 40))
      await updateListing(services, row.id, { title: `${row.title} (révisé)`, themes: ['water_sanitation', 'health'] });
    for (const row of [...initial.slice(40, 50), ...added.slice(0, 20)])
      await updateListing(services, row.id, { status: 'changes_requested' });
    const deleted = initial.slice(50, 60).map((r) => r.id);
    await services.db.transaction(async (tx) => {
      await tx.delete(moderationEvents).where(inArray(moderationEvents.listingId, deleted));
      await tx.delete(listings).where(inArray(listings.id, deleted));
      await enqueueSearchSync(tx, deleted);
    });
    expect(await outboxSize()).toBe(80 + 40 + 30 + 10);

    // Search still answers, from Postgres: 60 + 80 - 30 unpublished - 10 deleted.
    const degraded = (await app.inject({ method: 'GET', url: '/api/v1/search?hitsPerPage=5' })).json();
    expect(degraded).toMatchObject({ degraded: true, total: 100, hitsPerPage: 5 });
    expect(degraded.facets.themes).toEqual({ water_sanitation: 40, health: 40, waste: 60 });
    const words = (await app.inject({ method: 'GET', url: '/api/v1/search?q=dechets&country=SN' })).json();
    expect(words).toMatchObject({ degraded: true, total: 15 });

    meili = await startEmbeddedMeilisearch({ dataDir, logger, port });

    await eventually(async () => expect(await outboxSize()).toBe(0), 60_000);
    const { indexed, expected } = await indexAndPostgres(services);
    expect(indexed).toHaveLength(100);
    expect(indexed).toEqual(expected);
    const revised = indexed.find((d) => d.id === initial[0]!.id);
    expect(revised).toMatchObject({
      title: "Projet d'eau potable numéro 0 (révisé)",
      themes: ['water_sanitation', 'health'],
    });
    expect(indexed.some((d) => deleted.includes(d.id))).toBe(false);
    const [one] = await services.db.select().from(listings).where(eq(listings.id, added[0]!.id));
    expect(one?.status).toBe('changes_requested');
    expect(indexed.some((d) => d.id === added[0]!.id)).toBe(false);
  }, 180_000);
});
