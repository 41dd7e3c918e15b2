import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { createServer } from '../../src/api/app.js';
import { sendDigests } from '../../src/lib/server/alerts/digest.js';
import { unsubscribeToken } from '../../src/lib/server/alerts/saved-searches.js';
import { savedSearches } from '../../src/lib/server/db/schema/index.js';
import { listOutbox } from '../../src/lib/server/mail/outbox.js';
import { drainOutbox } from '../../src/lib/server/search/relay.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, createUser, insertListing, login } from '../helpers/fixtures.js';
import { enqueueSearchSync } from '../../src/lib/server/search/outbox.js';

let ctx: TestContext;
let app: FastifyInstance;
let snAuthority: string;
const DAY = 86_400_000;

async function publish(values: Parameters<typeof insertListing>[1]) {
  const row = await insertListing(ctx.services, values);
  await ctx.services.db.transaction((tx) => enqueueSearchSync(tx, row.id));
  await drainOutbox(ctx.services);
  return row;
}

beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
  snAuthority = (await createAuthority(ctx.services, { kind: 'foreign', country: 'SN', name: 'Commune de Kaolack' }))
    .id;
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

describe('saved searches and digests', () => {
  it('save a checked search, mail only the new matching requests, once a day at most', async () => {
    const user = await createUser(ctx.services, { role: 'french_authority', email: 'veille@lyon.example.fr' });
    const headers = await login(app, user.email);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/saved-searches',
      headers,
      payload: { name: 'x', frequency: 'daily', query: { country: 'SN" OR country = "MA' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('country');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/saved-searches',
      headers,
      payload: {
        name: 'Eau au Sénégal',
        frequency: 'daily',
        query: { country: ['SN'], theme: 'water_sanitation', page: '3' },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().query).toBe('country=SN&theme=water_sanitation');
    const id = res.json().id as string;

    // Requests published before the alert existed are not news; one that arrives after it is.
    await ctx.services.db
      .update(savedSearches)
      .set({ lastNotifiedAt: new Date(Date.now() - 2 * DAY) })
      .where(eq(savedSearches.id, id));
    await publish({
      authorityId: snAuthority,
      country: 'SN',
      title: 'Vieux forage',
      publishedAt: new Date(Date.now() - 3 * DAY),
    });
    await publish({
      authorityId: snAuthority,
      country: 'SN',
      title: 'Station de pompage solaire',
      publishedAt: new Date(Date.now() - DAY),
    });
    await publish({
      authorityId: snAuthority,
      country: 'SN',
      title: 'Festival de musique',
      themes: ['culture_heritage'],
      publishedAt: new Date(Date.now() - DAY),
    });
    await publish({
      authorityId: snAuthority,
      country: 'SN',
      title: 'Brouillon de puits',
      status: 'draft',
      publishedAt: new Date(Date.now() - DAY),
    });

    expect(await sendDigests(ctx.services)).toEqual({ checked: 1, sent: 1 });
    const [mail] = await listOutbox(ctx.services.config);
    expect(mail!.to).toContain('veille@lyon.example.fr');
    expect(mail!.text).toContain('Station de pompage solaire');
    expect(mail!.text).not.toContain('Vieux forage');
    expect(mail!.text).not.toContain('Festival');
    expect(mail!.text).not.toContain('Brouillon');
    expect(mail!.text).toContain(`/alertes/desabonnement/${await unsubscribeToken(ctx.services.db, id)}`);

    // Later the same day: not due again.
    expect(await sendDigests(ctx.services)).toEqual({ checked: 0, sent: 0 });
    expect(await listOutbox(ctx.services.config)).toHaveLength(1);
  });

  it('unsubscribe in one click without signing in, and only with the right token', async () => {
    const user = await createUser(ctx.services, { role: 'french_authority' });
    const headers = await login(app, user.email);
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/saved-searches',
        headers,
        payload: { name: 'Santé', frequency: 'weekly', query: { theme: 'health' } },
      })
    ).json();
    const token = await unsubscribeToken(ctx.services.db, created.id);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/saved-searches/unsubscribe',
          payload: { token: `${token.slice(0, -2)}xx` },
        })
      ).statusCode,
    ).toBe(404);
    const res = await app.inject({ method: 'POST', url: '/api/v1/saved-searches/unsubscribe', payload: { token } });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('Santé');
    const list = (await app.inject({ method: 'GET', url: '/api/v1/saved-searches', headers })).json();
    expect(list.savedSearches[0].active).toBe(false);
  });

  it('keep each person’s alerts to themselves', async () => {
    const owner = await createUser(ctx.services, { role: 'french_authority' });
    const other = await createUser(ctx.services, { role: 'french_authority' });
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/saved-searches',
        headers: await login(app, owner.email),
        payload: { name: 'A', frequency: 'weekly', query: {} },
      })
    ).json();
    const otherHeaders = await login(app, other.email);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/v1/saved-searches/${created.id}`, headers: otherHeaders }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/v1/saved-searches/${created.id}`,
          headers: otherHeaders,
          payload: { active: false },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/saved-searches', headers: otherHeaders })).json().savedSearches,
    ).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/saved-searches' })).statusCode).toBe(401);
  });
});

describe('RFC 8058 one-click unsubscribe', () => {
  it('accepts the form POST a mail client sends to the List-Unsubscribe URL, with no Origin', async () => {
    const user = await createUser(ctx.services, { role: 'french_authority' });
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/saved-searches',
        headers: await login(app, user.email),
        payload: { name: 'Énergie', frequency: 'weekly', query: { theme: 'energy' } },
      })
    ).json();
    const token = await unsubscribeToken(ctx.services.db, created.id);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/saved-searches/unsubscribe/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ unsubscribed: true, name: 'Énergie' });
  });
});
