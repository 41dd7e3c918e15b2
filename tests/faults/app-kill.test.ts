import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listings } from '../../src/lib/server/db/schema/index.js';
import type { AppProcess } from '../helpers/app-process.js';
import { draftBody } from '../listings/world.js';
import { insertListings } from '../search/listings.js';
import {
  call,
  createFaultWorld,
  eventually,
  indexAndPostgres,
  loginOver,
  outboxSize,
  type FaultWorld,
} from './harness.js';

// kill -9 of the app while clients write through the API: every write the app acknowledged (2xx) is in
// Postgres, and the search outbox left behind is relayed by the next process.
let w: FaultWorld;
let app: AppProcess;

beforeAll(async () => {
  w = await createFaultWorld('app-kill');
  app = await w.startApp();
}, 180_000);

afterAll(async () => {
  await w?.close();
});

describe('the app killed (-9) during writes', () => {
  it('keeps every acknowledged write, and the outbox resumes after the restart', async () => {
    const author = await loginOver(app.url, w.users.author.email, w.users.author.password);
    const correspondent = await loginOver(app.url, w.users.correspondent.email, w.users.correspondent.password);
    const created = new Map<string, string>(); // id → title acknowledged with 201
    const published = new Set<string>(); // ids whose approval was acknowledged with 200
    let stop = false;
    let killed = false;
    let failuresAfterKill = 0;

    // 8 clients, each: create a draft, submit it, approve it (as the correspondent), again and again.
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const title = `Demande ${n}-${i} du client de charge`;
        try {
          const res = await call(`${app.url}/api/v1/listings`, {
            method: 'POST',
            headers: author,
            body: draftBody({ title }),
          });
          if (res.status !== 201) throw new Error(`create: ${res.status} ${res.text}`);
          created.set(res.body.id, title);
          const submit = await call(`${app.url}/api/v1/listings/${res.body.id}/submit`, {
            method: 'POST',
            headers: author,
          });
          if (submit.status !== 200) throw new Error(`submit: ${submit.status} ${submit.text}`);
          const approve = await call(`${app.url}/api/v1/listings/${res.body.id}/decision`, {
            method: 'POST',
            headers: correspondent,
            body: { decision: 'approve' },
          });
          if (approve.status !== 200) throw new Error(`approve: ${approve.status} ${approve.text}`);
          published.add(res.body.id);
        } catch (error) {
          if (!killed) throw error;
          failuresAfterKill++;
          return;
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    // Kill once a good number of writes were acknowledged, with requests certainly in flight.
    await eventually(async () => expect(published.size).toBeGreaterThanOrEqual(40), 120_000);
    killed = true;
    app.child.kill('SIGKILL');
    await app.exited;
    stop = true;
    await Promise.all(clients);
    expect(failuresAfterKill).toBeGreaterThan(0);

    // Every acknowledged write is there, as acknowledged.
    const rows = await w.services.db
      .select()
      .from(listings)
      .where(inArray(listings.id, [...created.keys()]));
    expect(rows).toHaveLength(created.size);
    for (const row of rows) expect(row.title).toBe(created.get(row.id));
    for (const row of rows.filter((r) => published.has(r.id))) expect(row.status).toBe('published');

    // Changes made while no app runs wait in the outbox...
    await insertListings(
      w.services,
      Array.from({ length: 50 }, (_, i) => ({
        authorityId: w.authority.id,
        country: 'SN',
        title: `Pendant la panne ${i}`,
        summary: 'Écrit sans app',
        themes: ['waste'],
      })),
    );
    expect(await outboxSize(w.services)).toBeGreaterThanOrEqual(50);

    // ...and the next process relays all of it: the index equals Postgres.
    const again = await w.startApp();
    await eventually(async () => expect(await outboxSize(w.services)).toBe(0), 120_000);
    const { indexed, expected } = await indexAndPostgres(w.services);
    expect(expected.length).toBeGreaterThanOrEqual(published.size + 50);
    expect(indexed).toEqual(expected);
    for (const id of published) expect(indexed.some((d) => d.id === id)).toBe(true);
    const [one] = await w.services.db
      .select({ status: listings.status })
      .from(listings)
      .where(eq(listings.id, [...published][0]!));
    expect(one?.status).toBe('published');
    const search = await call(`${again.url}/api/v1/search?q=panne&hitsPerPage=1`);
    expect(search.body).toMatchObject({ degraded: false, total: 50 });
  }, 300_000);
});
