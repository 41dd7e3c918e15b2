import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/api/app.js';
import { loadConfig } from '../../src/lib/server/config.js';
import {
  AdmissionGate,
  admissionKind,
  parseAdmissionLimits,
  type Admission,
} from '../../src/lib/server/http/admission.js';
import { createTestServices, type TestContext } from '../helpers/services.js';

const admitted = (a: Admission): a is Extract<Admission, { admitted: true }> => a.admitted;

describe('admission gate', () => {
  it('runs at most `limit` at once and admits the next waiter when one finishes', async () => {
    const gate = new AdmissionGate({ limit: 2, queue: 10, maxWaitMs: 5_000 });
    const a = await gate.enter('x');
    const b = await gate.enter('x');
    const third = gate.enter('x');
    expect(gate.inFlight).toBe(2);
    expect(gate.queued).toBe(1);
    let done = false;
    void Promise.resolve(third).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    if (!admitted(a) || !admitted(b)) throw new Error('first two must be admitted');
    a.release();
    a.release(); // counted once
    const c = await third;
    expect(c.admitted).toBe(true);
    expect(gate.inFlight).toBe(2);
    expect(gate.queued).toBe(0);
  });

  it('refuses at once when the queue is full, and after maxWaitMs in the queue', async () => {
    const gate = new AdmissionGate({ limit: 1, queue: 1, maxWaitMs: 50 });
    const first = await gate.enter('x');
    expect(first.admitted).toBe(true);
    const waiting = gate.enter('x');
    expect(await gate.enter('x')).toEqual({ admitted: false, reason: 'queue_full' });
    expect(await waiting).toEqual({ admitted: false, reason: 'timeout' });
    expect(gate.queued).toBe(0);
    expect(gate.stats).toMatchObject({ refusedQueueFull: 1, refusedTimeout: 1 });
  });

  it('serves waiting clients round-robin: a greedy client does not starve a polite one', async () => {
    const gate = new AdmissionGate({ limit: 1, queue: 100, maxWaitMs: 5_000 });
    const holder = await gate.enter('greedy');
    const order: string[] = [];
    const pending: Array<Promise<void>> = [];
    const enqueue = (client: string) =>
      pending.push(
        Promise.resolve(gate.enter(client)).then((a) => {
          order.push(client);
          if (admitted(a)) setTimeout(a.release, 1);
        }),
      );
    for (let i = 0; i < 5; i++) enqueue('greedy');
    enqueue('polite');
    if (admitted(holder)) holder.release();
    await Promise.all(pending);
    // FIFO would serve the polite client sixth; round-robin serves it second.
    expect(order.indexOf('polite')).toBe(1);
    expect(order).toHaveLength(6);
  });

  it('classifies requests by routed path and method; health never waits', () => {
    expect(admissionKind('GET', '/api/health', false)).toBeNull();
    expect(admissionKind('GET', '/api/v1/search', false)).toBe('search');
    expect(admissionKind('GET', '/api/v1/listings/:id', false)).toBe('read');
    expect(admissionKind('POST', '/api/v1/listings', false)).toBe('write');
    expect(admissionKind('GET', undefined, true)).toBe('page');
    expect(admissionKind('POST', undefined, true)).toBe('write');
  });

  it('reads ADMISSION_LIMITS and names the variable when it is malformed', () => {
    expect(parseAdmissionLimits('search=3,page=0:7')).toMatchObject({
      search: { limit: 3 },
      page: { limit: Infinity, queue: 7 },
    });
    expect(parseAdmissionLimits('search=16:100:400,write=4')).toMatchObject({
      search: { limit: 16, queue: 100, maxWaitMs: 400 },
      write: { limit: 4, maxWaitMs: 5_000 },
    });
    expect(parseAdmissionLimits('search=16:100:0')).toBeNull();
    expect(parseAdmissionLimits('search=lots')).toBeNull();
    expect(() => loadConfig({ ADMISSION_LIMITS: 'everything' })).toThrow(/ADMISSION_LIMITS/);
  });
});

describe('admission control on the running API', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    // One read at a time and nobody waiting: a burst must be refused quickly, with a problem and Retry-After.
    ctx = await createTestServices({ ADMISSION_LIMITS: 'read=1:0' });
  });
  afterAll(async () => ctx?.cleanup());

  it('answers a burst beyond the bound with 503 problem+json and Retry-After, and serves again afterwards', async () => {
    const app = await createServer(ctx.services);
    try {
      const burst = await Promise.all(
        Array.from({ length: 20 }, () => app.inject({ method: 'GET', url: '/api/v1/taxonomies' })),
      );
      const statuses = burst.map((r) => r.statusCode);
      expect(statuses).toContain(200);
      const refused = burst.filter((r) => r.statusCode === 503);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]!.headers['retry-after']).toBe('1');
      expect(refused[0]!.headers['content-type']).toContain('application/problem+json');
      expect(refused[0]!.json()).toMatchObject({ status: 503, type: 'https://bourse-projets.org/problems/overloaded' });
      // Health is never queued, even while reads are saturated.
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      // Every slot was given back: one request at a time is served.
      for (let i = 0; i < 3; i++)
        expect((await app.inject({ method: 'GET', url: '/api/v1/taxonomies' })).statusCode).toBe(200);
      expect(app.admission.gates.read.inFlight).toBe(0);
    } finally {
      await app.close();
    }
  });
});
