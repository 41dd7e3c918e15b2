import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/api/app.js';
import { JOB_DEFINITIONS } from '../../src/lib/server/jobs/definitions.js';
import { startJobQueue, type JobQueue } from '../../src/lib/server/jobs/queue.js';
import { listOutbox } from '../../src/lib/server/mail/outbox.js';
import { createTestServices, type TestContext } from '../helpers/services.js';
import { createAuthority, createUser, insertListing, login } from '../helpers/fixtures.js';

let ctx: TestContext;
let app: FastifyInstance;
let queues: JobQueue[] = [];

beforeAll(async () => {
  ctx = await createTestServices();
  app = await createServer(ctx.services);
});
afterAll(async () => {
  for (const q of queues) await q.stop();
  await app?.close();
  await ctx?.cleanup();
});

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

describe('background jobs on Postgres (pg-boss)', () => {
  it('mail the other side of a conversation once, even with two workers running', async () => {
    // Two queues on the same database stand for two app processes.
    queues = [await startJobQueue(ctx.services, JOB_DEFINITIONS), await startJobQueue(ctx.services, JOB_DEFINITIONS)];
    const thies = await createAuthority(ctx.services, { kind: 'foreign', country: 'SN' });
    const nantes = await createAuthority(ctx.services, { kind: 'french', country: 'FR' });
    const listing = await insertListing(ctx.services, { authorityId: thies.id, country: 'SN' });
    await createUser(ctx.services, { role: 'foreign_authority', authorityId: thies.id, email: 'a@thies.example.sn' });
    const french = await createUser(ctx.services, { role: 'french_authority', authorityId: nantes.id });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/conversations',
      headers: await login(app, french.email),
      payload: { listingId: listing.id, message: 'Nous serions heureux d’en parler.' },
    });
    expect(res.statusCode).toBe(201);
    const mails = await waitFor(
      () => listOutbox(ctx.services.config),
      (m) => m.length > 0,
    );
    expect(mails.map((m) => m.to)).toEqual([expect.stringContaining('a@thies.example.sn')]);
    // Give a duplicate a chance to show up, then check there is none.
    const sweep = JOB_DEFINITIONS.find((d) => d.name === 'notifications.sweep')!;
    await sweep.handler(ctx.services, {} as never);
    expect(await listOutbox(ctx.services.config)).toHaveLength(1);
  });
});
