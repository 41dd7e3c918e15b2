import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq, inArray } from 'drizzle-orm';
import { createServer } from '../../src/api/app.js';
import { authorities, trustEvents, users } from '../../src/lib/server/db/schema/index.js';
import { listOutbox } from '../../src/lib/server/mail/outbox.js';
import { processPending } from '../../src/lib/server/notifications/process.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createUser, login } from '../helpers/fixtures.js';

// Issue #13: after a flood of scripted registrations in Senegal, the genuine one stays visible and workable.
let ctx: TestContext;
let app: FastifyInstance;
let senegal: Record<string, string>;
const PASSWORD = 'une phrase de passe assez longue';

beforeAll(async () => {
  ctx = await createTestServices({
    REGISTRATION_LIMIT_PER_IP: '10',
    REGISTRATION_LIMIT_PER_COUNTRY: '1000',
    REGISTRATION_ANOMALY_PER_COUNTRY: '20',
  });
  app = await createServer(ctx.services);
  senegal = await login(app, (await createUser(ctx.services, { role: 'correspondent', countries: ['SN'] })).email);
});
afterAll(async () => {
  await app?.close();
  await ctx?.cleanup();
});

const registerFrom = (ip: string, n: number | string, extra: Record<string, unknown> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    remoteAddress: ip,
    payload: {
      kind: 'foreign',
      email: `bot${n}@spam.example`,
      password: PASSWORD,
      displayName: `Bot ${n}`,
      authority: { name: `Localité ${n} zz${n}`, type: 'municipality', country: 'SN' },
      createAnyway: true,
      ...extra,
    },
  });

describe('a flood of registrations', () => {
  let genuineId: string;

  it('limits registrations per client address and hour (429, problem+json)', async () => {
    const genuine = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      remoteAddress: '192.0.2.1',
      payload: {
        kind: 'foreign',
        email: 'maire@kedougou.example.sn',
        password: PASSWORD,
        displayName: 'Fatou Sow',
        authority: { name: 'Commune de Kédougou', type: 'municipality', country: 'SN' },
      },
    });
    expect(genuine.statusCode).toBe(201);
    genuineId = genuine.json().user.userId;
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await registerFrom('198.51.100.7', `ip${i}`)).statusCode);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(codes[10]).toBe(429);
    const refused = await registerFrom('198.51.100.7', 'ip-last');
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('300 more from many addresses: the queue is complete, oldest first, paginated, and shows the anomaly', async () => {
    for (let start = 0; start < 300; start += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, (_, k) =>
          registerFrom(`10.0.${Math.floor((start + k) / 200)}.${(start + k) % 200}`, start + k),
        ),
      );
      expect(batch.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    }
    const first = (
      await app.inject({ method: 'GET', url: '/api/v1/moderation/accounts/foreign', headers: senegal })
    ).json();
    expect(first.total).toBe(311);
    expect(first.pages).toBe(Math.ceil(311 / first.pageSize));
    expect(first.items[0].user.id).toBe(genuineId);
    expect(first.anomalies).toEqual([{ country: 'SN', lastHour: 311, threshold: 20 }]);
    // Every page holds the rest: nothing is cut off.
    const seen = new Set<string>();
    for (let page = 1; page <= first.pages; page++) {
      const res = (
        await app.inject({ method: 'GET', url: `/api/v1/moderation/accounts/foreign?page=${page}`, headers: senegal })
      ).json();
      for (const item of res.items) seen.add(item.user.id);
    }
    expect(seen.size).toBe(311);
    const filtered = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/moderation/accounts/foreign?q=${encodeURIComponent('Kédougou')}`,
        headers: senegal,
      })
    ).json();
    expect(filtered.items.map((i: { user: { id: string } }) => i.user.id)).toEqual([genuineId]);
    const morocco = await login(
      app,
      (await createUser(ctx.services, { role: 'correspondent', countries: ['MA'] })).email,
    );
    const elsewhere = (
      await app.inject({ method: 'GET', url: '/api/v1/moderation/accounts/foreign', headers: morocco })
    ).json();
    expect(elsewhere).toMatchObject({ total: 0, anomalies: [] });
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/moderation/accounts/foreign?country=SN', headers: morocco }))
        .statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/moderation/accounts/foreign?page=0', headers: senegal }))
        .statusCode,
    ).toBe(400);
  }, 300_000); // 300 real registrations (argon2 hashing each password) on a shared 2-core machine

  it('the spam is deleted in bulk with its authorities; the genuine one is approved', async () => {
    const spam = await ctx.services.db
      .select({ id: users.id, authorityId: users.authorityId })
      .from(users)
      .where(
        inArray(users.email, [
          ...Array.from({ length: 300 }, (_, i) => `bot${i}@spam.example`),
          ...Array.from({ length: 10 }, (_, i) => `botip${i}@spam.example`),
        ]),
      );
    expect(spam).toHaveLength(310);
    const deleted = await app.inject({
      method: 'POST',
      url: '/api/v1/moderation/accounts/delete-spam',
      headers: senegal,
      payload: { userIds: spam.map((s) => s.id) },
    });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ accounts: 310, authorities: 310 });
    expect(
      await ctx.services.db
        .select()
        .from(authorities)
        .where(
          inArray(
            authorities.id,
            spam.map((s) => s.authorityId!),
          ),
        ),
    ).toEqual([]);
    expect(
      (await ctx.services.db.select().from(trustEvents).where(eq(trustEvents.action, 'registration.delete_spam')))
        .length,
    ).toBe(310);

    const approved = await app.inject({ method: 'POST', url: `/api/v1/users/${genuineId}/approve`, headers: senegal });
    expect(approved.statusCode).toBe(204);
    const [row] = await ctx.services.db.select().from(users).where(eq(users.id, genuineId));
    expect(row!.membership).toBe('approved');
    const [authority] = await ctx.services.db.select().from(authorities).where(eq(authorities.id, row!.authorityId!));
    expect(authority!.verifiedAt).not.toBeNull();
    // Decisions reach people through the notification service (delivered by a job; run it here).
    await processPending(ctx.services);
    expect(
      (await listOutbox(ctx.services.config)).some(
        (m) => m.to.includes('maire@kedougou.example.sn') && /Commune de Kédougou est vérifiée/.test(m.subject),
      ),
    ).toBe(true);
    const queue = (
      await app.inject({ method: 'GET', url: '/api/v1/moderation/accounts/foreign', headers: senegal })
    ).json();
    expect(queue.total).toBe(0);
    // An approved member is not spam: deleting them is refused.
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/moderation/accounts/delete-spam',
      headers: senegal,
      payload: { userIds: [genuineId] },
    });
    expect(refused.statusCode).toBe(409);
  });

  it('a correspondent rejects a registration with a reason the person is mailed', async () => {
    const res = await registerFrom('192.0.2.50', 'late', { email: 'inconnu@example.sn', displayName: 'Inconnu' });
    const id = res.json().user.userId;
    const missing = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/reject`,
      headers: senegal,
      payload: {},
    });
    expect(missing.statusCode).toBe(400);
    const rejected = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/reject`,
      headers: senegal,
      payload: { reason: 'Cette commune n’existe pas.' },
    });
    expect(rejected.json()).toEqual({ membership: 'rejected' });
    await processPending(ctx.services);
    const mail = (await listOutbox(ctx.services.config)).find(
      (m) => m.to.includes('inconnu@example.sn') && /n[’']a pas été confirmé/.test(m.subject),
    );
    expect(mail?.text).toContain('Cette commune n’existe pas.');
    const rejectedQueue = (
      await app.inject({ method: 'GET', url: '/api/v1/moderation/accounts/foreign?state=rejected', headers: senegal })
    ).json();
    expect(
      rejectedQueue.items.map((i: { user: { id: string; membershipReason: string } }) => [
        i.user.id,
        i.user.membershipReason,
      ]),
    ).toEqual([[id, 'Cette commune n’existe pas.']]);
  });
});
