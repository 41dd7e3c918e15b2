import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { JOB_DEFINITIONS } from '../../src/lib/server/jobs/definitions.js';
import { PRUNE_REGISTRATION_LOG_JOB } from '../../src/lib/server/trust/jobs.js';
import { registrationLog } from '../../src/lib/server/db/schema/index.js';
import { createTestServices, type TestContext } from '../helpers/services.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestServices();
});
afterAll(async () => {
  await ctx?.cleanup();
});

describe('registration log retention', () => {
  it('the nightly job keeps the last day (limits and flood alert) and deletes older rows', async () => {
    const job = JOB_DEFINITIONS.find((d) => d.name === PRUNE_REGISTRATION_LOG_JOB);
    expect(job?.cron).toBe('17 3 * * *');
    const { db } = ctx.services;
    await db.insert(registrationLog).values([
      { clientKey: 'ip:203.0.113.1', country: 'SN', createdAt: sql`now() - interval '25 hours'` as never },
      { clientKey: 'ip:203.0.113.2', country: 'SN', createdAt: sql`now() - interval '3 days'` as never },
      { clientKey: 'ip:203.0.113.3', country: 'SN', createdAt: sql`now() - interval '23 hours'` as never },
      { clientKey: 'ip:203.0.113.4', country: 'MA' },
    ]);
    await job!.handler(ctx.services, {} as never);
    const left = await db.select({ clientKey: registrationLog.clientKey }).from(registrationLog);
    expect(left.map((r) => r.clientKey).sort()).toEqual(['ip:203.0.113.3', 'ip:203.0.113.4']);
  });
});
