import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listings, moderationEvents } from '../../src/lib/server/db/schema/index.js';
import { enqueueSearchSync } from '../../src/lib/server/search/outbox.js';
import type { AppProcess } from '../helpers/app-process.js';
import { insertListings, updateListing } from '../search/listings.js';
import { call, createFaultWorld, eventually, indexAndPostgres, outboxSize, type FaultWorld } from './harness.js';

// kill -9 of Meilisearch in the middle of a stream of 1,000 changes to requests, relayed by a real app process:
// once Meilisearch is back, the index holds exactly what Postgres says is searchable (same ids, same content).
let w: FaultWorld;
let app: AppProcess;

beforeAll(async () => {
  w = await createFaultWorld('meili-kill');
  app = await w.startApp();
}, 180_000);

afterAll(async () => {
  await w?.close();
});

describe('Meilisearch killed (-9) during a stream of 1,000 changes', () => {
  it('loses nothing: after the restart the index equals Postgres, in count and content', async () => {
    const s = w.services;
    const base = {
      authorityId: w.authority.id,
      country: 'SN',
      themes: ['water_sanitation'],
      summary: 'Réseau et formation des agents',
    };
    const ids: string[] = [];
    let changes = 0;
    const insertSome = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const [row] = await insertListings(s, [{ ...base, title: `Forage communal ${ids.length}` }]);
        ids.push(row!.id);
        changes++;
      }
    };
    // 1,000 changes, each its own transaction: 400 publications, 400 edits, 100 unpublications, 100 deletions.
    await insertSome(250);
    await w.killMeilisearch();
    const whileDown = await call(`${app.url}/api/v1/search?q=forage&hitsPerPage=1`);
    expect(whileDown.status).toBe(200);
    expect(whileDown.body).toMatchObject({ degraded: true });
    await insertSome(150);
    for (const id of ids.slice(0, 400)) {
      await updateListing(s, id, {
        title: `Forage communal révisé ${id.slice(0, 8)}`,
        themes: ['water_sanitation', 'health'],
      });
      changes++;
    }
    expect(await outboxSize(s)).toBeGreaterThan(0);
    await w.restartMeilisearch();
    for (const id of ids.slice(100, 200)) {
      await updateListing(s, id, { status: 'changes_requested' });
      changes++;
    }
    for (const id of ids.slice(300, 400)) {
      await s.db.transaction(async (tx) => {
        await tx.delete(moderationEvents).where(inArray(moderationEvents.listingId, [id]));
        await tx.delete(listings).where(inArray(listings.id, [id]));
        await enqueueSearchSync(tx, id);
      });
      changes++;
    }
    expect(changes).toBe(1_000);

    await eventually(async () => expect(await outboxSize(s)).toBe(0), 120_000);
    const { indexed, expected } = await indexAndPostgres(s);
    expect(expected).toHaveLength(400 - 100 - 100);
    expect(indexed.length).toBe(expected.length);
    expect(indexed).toEqual(expected);
    expect(indexed.every((d) => d.title.startsWith('Forage communal révisé'))).toBe(true);

    // Search goes back to Meilisearch once the app's short cool-down after the outage has passed.
    await eventually(async () => {
      const search = await call(`${app.url}/api/v1/search?q=forage&hitsPerPage=1`);
      expect(search.body).toMatchObject({ degraded: false, total: 200 });
    }, 30_000);
  }, 240_000);
});
